package io.opsflow.handover;

import java.util.ArrayList;
import java.util.List;

import io.opsflow.messages.Messages;

/**
 * The planned changes as the approval task lists them: one line per created or changed object with its
 * differences on the same line (a form lists them as one bullet each), then how many stay as they are.
 */
final class MonitoringChangeLines {

    private MonitoringChangeLines() {
    }

    static ArrayList<String> of(List<MonitoringChange> changes, Messages.Texts texts) {
        ArrayList<String> lines = new ArrayList<>();
        for (MonitoringChange change : changes) {
            if (!change.pending()) {
                continue;
            }
            String what = MonitoringDesign.text(new MonitoringChange(change.system(), change.type(), change.name(), change.item(),
                    change.action(), List.of()), texts);
            lines.add(change.differences().isEmpty() ? what : what + ": " + String.join(", ", change.differences()));
        }
        long unchanged = changes.stream().filter(c -> !c.pending()).count();
        if (unchanged > 0) {
            lines.add(texts.text("handover.change.unchanged", unchanged));
        }
        return lines;
    }
}
