package io.opsflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Cockpit and Modeler draw stays readable: no label overlaps another label or a shape other
 * than its own (an expanded sub-process only at its border, since its content is inside it), and no
 * other sequence flow runs through it.
 * bpmn-js draws an external label centred on its DI bounds, wrapped at 90 px and as tall as its
 * lines need, whatever height the DI says: a label is checked at the larger of the two boxes.
 */
class DiagramLabelsTest {

    record Box(String what, double x, double y, double width, double height) {

        static Box of(String what, Bounds bounds) {
            return new Box(what, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height;
        }

        boolean inside(Box other) {
            return x >= other.x && y >= other.y && x + width <= other.x + other.width && y + height <= other.y + other.height;
        }
    }

    record Label(String element, Box box) {
    }

    /** A straight piece of a sequence flow, which bpmn-js draws over any label in its way. */
    record Segment(String edge, double x1, double y1, double x2, double y2) {

        boolean crosses(Box box) {
            if (x1 == x2) {
                return box.x() < x1 && x1 < box.x() + box.width()
                        && Math.max(Math.min(y1, y2), box.y()) < Math.min(Math.max(y1, y2), box.y() + box.height());
            }
            if (y1 == y2) {
                return box.y() < y1 && y1 < box.y() + box.height()
                        && Math.max(Math.min(x1, x2), box.x()) < Math.min(Math.max(x1, x2), box.x() + box.width());
            }
            // A slanted piece: checked by its bounding box.
            return new Box(edge, Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1)).overlaps(box);
        }
    }

    record Shape(String element, Box box, boolean container) {
    }

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void noLabelOverlapsAnotherLabelOrAShape(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<Label> labels = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            BaseElement element = shape.getBpmnElement();
            boolean container = element instanceof SubProcess && !Boolean.FALSE.equals(shape.isExpanded());
            shapes.add(new Shape(element.getId(), Box.of(element.getId(), shape.getBounds()), container));
            String name = element.getAttributeValue("name");
            if (container && name != null && !name.isBlank()) {
                // bpmn-js writes an expanded sub-process's name inside it, centred at the top.
                Bounds bounds = shape.getBounds();
                double width = Math.min(textWidth(name), bounds.getWidth() - 10);
                shapes.add(new Shape("title of " + element.getId(), new Box(element.getId(), bounds.getX() + (bounds.getWidth() - width) / 2,
                        bounds.getY(), width, 5 + Math.ceil(textWidth(name) / (bounds.getWidth() - 10)) * LINE_HEIGHT), false));
            }
            label(element, shape.getBpmnLabel(), labels);
        }
        List<Segment> segments = new ArrayList<>();
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            label(edge.getBpmnElement(), edge.getBpmnLabel(), labels);
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (int i = 0; i + 1 < points.size(); i++) {
                segments.add(new Segment(edge.getBpmnElement().getId(), points.get(i).getX(), points.get(i).getY(),
                        points.get(i + 1).getX(), points.get(i + 1).getY()));
            }
        }

        List<String> overlaps = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            for (Label other : labels.subList(i + 1, labels.size())) {
                if (label.box().overlaps(other.box())) {
                    overlaps.add("label of " + label.element() + " overlaps label of " + other.element());
                }
            }
            for (Segment segment : segments) {
                if (!segment.edge().equals(label.element()) && segment.crosses(label.box())) {
                    overlaps.add("label of " + label.element() + " is crossed by " + segment.edge());
                }
            }
            for (Shape shape : shapes) {
                boolean own = shape.element().equals(label.element());
                boolean withinContainer = shape.container() && label.box().inside(shape.box());
                if (!own && !withinContainer && label.box().overlaps(shape.box())) {
                    overlaps.add("label of " + label.element() + " overlaps shape " + shape.element());
                }
            }
        }
        assertThat(overlaps).as(file.toString()).isEmpty();
    }

    /** Without label bounds bpmn-js puts a flow's name at its middle, wherever that falls: every name gets its place. */
    @ParameterizedTest
    @MethodSource("models")
    void everyNamedSequenceFlowHasItsLabelPlaced(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> unplaced = model.getModelElementsByType(BpmnEdge.class).stream()
                .filter(edge -> edge.getBpmnElement() instanceof SequenceFlow flow && flow.getName() != null && !flow.getName().isBlank())
                .filter(edge -> edge.getBpmnLabel() == null || edge.getBpmnLabel().getBounds() == null)
                .map(edge -> edge.getBpmnElement().getId()).toList();
        assertThat(unplaced).as(file.toString()).isEmpty();
    }

    /** bpmn-js's external label: 11 px font, 90 px wide, about 14 px a line. */
    static final double WRAP_WIDTH = 90;
    static final double LINE_HEIGHT = 14;

    private static void label(BaseElement element, BpmnLabel label, List<Label> labels) {
        String name = element.getAttributeValue("name");
        if (name == null || name.isBlank() || label == null || label.getBounds() == null) {
            return;
        }
        Box di = Box.of(element.getId(), label.getBounds());
        double width = Math.max(di.width(), Math.min(WRAP_WIDTH, textWidth(name)));
        double height = Math.max(di.height(), lines(name) * LINE_HEIGHT);
        labels.add(new Label(element.getId(), new Box(element.getId(), di.x() + (di.width() - width) / 2, di.y(), width, height)));
    }

    /** Lines after wrapping at spaces (or anywhere in Japanese text) within {@link #WRAP_WIDTH}. */
    static int lines(String text) {
        int lines = 1;
        double line = 0;
        for (String word : text.split(" ")) {
            double width = textWidth(word);
            double needed = line == 0 ? width : line + textWidth(" ") + width;
            if (needed <= WRAP_WIDTH) {
                line = needed;
                continue;
            }
            if (line > 0) {
                lines++;
            }
            lines += (int) Math.ceil(width / WRAP_WIDTH) - 1;
            line = width % WRAP_WIDTH == 0 ? WRAP_WIDTH : width % WRAP_WIDTH;
        }
        return lines;
    }

    /** Full-width (Japanese) characters about 11 px, others about 6.5 px. */
    static double textWidth(String text) {
        return text.codePoints().mapToDouble(c -> c > 0x2E80 ? 11 : 6.5).sum();
    }
}
