package io.opsflow.handover;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opsflow.messages.Messages;

/** The pre-operation test's results table as the forms show it: one row per item, texts in the customer's language. */
final class PreOperationResults {

    /** Items not fired (recorded only), kept to close the table. */
    static final String SKIPPED = "preOperationSkipped";
    /** When an alert not arrived counts as failed (ISO-8601 instant). */
    static final String DEADLINE = "preOperationDeadline";
    /** How long the process waits between two looks in ServiceNow (ISO-8601 duration, the timer's). */
    static final String POLL_INTERVAL = "preOperationPollInterval";

    private PreOperationResults() {
    }

    static Map<String, Object> row(String item, String status, String incident, String seconds) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("item", item);
        row.put("status", status);
        row.put("incident", incident);
        row.put("seconds", seconds);
        return row;
    }

    static ArrayList<Map<String, Object>> pending(List<Map<String, Object>> fired, List<Map<String, Object>> skipped, Messages.Texts texts) {
        ArrayList<Map<String, Object>> rows = new ArrayList<>();
        fired.forEach(entry -> rows.add(row((String) entry.get("item"), texts.text("handover.test.pending"), "", "")));
        rows.addAll(skipped);
        return rows;
    }
}
