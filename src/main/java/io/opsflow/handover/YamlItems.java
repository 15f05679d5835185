package io.opsflow.handover;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A monitoring items list in YAML: a list of mappings, at the top or under {@code items:} (or
 * {@code 監視項目一覧:}), keyed by the same headers as the CSV. Read as SnakeYAML's node tree rather
 * than bound, so that every problem names the line of its key, the "row" a YAML author sees.
 */
final class YamlItems {

    /**
     * One item: the line of its first key, its entries (each with the line of its value) and the keys
     * whose value is a list or mapping, already reported.
     */
    record Item(int line, List<ItemRow.Cell> cells, List<String> notText) {
    }

    private YamlItems() {
    }

    /** The items; a file that is not YAML of that shape is one problem. */
    static List<Item> read(String text, List<Problem> problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            problems.add(new Problem(e.getProblemMark().getLine() + 1, "", "yaml.invalid", List.of(String.valueOf(e.getProblem()))));
            return List.of();
        } catch (YAMLException e) {
            problems.add(new Problem(1, "", "yaml.invalid", List.of(String.valueOf(e.getMessage()))));
            return List.of();
        }
        if (root instanceof MappingNode mapping && mapping.getValue().size() == 1
                && mapping.getValue().get(0).getKeyNode() instanceof ScalarNode key
                && List.of("items", "監視項目一覧").contains(Words.key(key.getValue()))) {
            root = mapping.getValue().get(0).getValueNode();
        }
        if (!(root instanceof SequenceNode sequence)) {
            problems.add(new Problem(root == null ? 1 : line(root), "", "yaml.shape", List.of()));
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        for (Node node : sequence.getValue()) {
            if (!(node instanceof MappingNode entry)) {
                problems.add(new Problem(line(node), "", "yaml.shape", List.of()));
                continue;
            }
            List<ItemRow.Cell> cells = new ArrayList<>();
            List<String> notText = new ArrayList<>();
            for (NodeTuple tuple : entry.getValue()) {
                String header = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                if (tuple.getValueNode() instanceof ScalarNode value) {
                    cells.add(new ItemRow.Cell(header, Tag.NULL.equals(value.getTag()) ? "" : value.getValue(), line(value)));
                } else {
                    problems.add(new Problem(line(tuple.getValueNode()), header, "yaml.notText", List.of()));
                    notText.add(header);
                }
            }
            items.add(new Item(line(entry), cells, notText));
        }
        return items;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
