package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import io.opsflow.api.InvalidInputException;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldProblem;

/**
 * A handover package as {@code POST /api/handovers} receives it, held to the start form's rules: only
 * its fields, the required ones present, texts within the form's lengths, the list's format csv or
 * yaml. Refusals name each field in the caller's language.
 */
record HandoverRequest(Map<String, Object> values) {

    /** As the start form's {@code maxLength}s. */
    static final int MAX_TEXT = 4000;
    static final int MAX_ITEMS = 200_000;

    String customerId() {
        return (String) values.get(CUSTOMER_ID);
    }

    static HandoverRequest of(Map<String, Object> submitted) {
        Messages.Texts texts = Messages.caller();
        List<FieldProblem> problems = new ArrayList<>();
        submitted.keySet().stream().filter(field -> !PACKAGE.contains(field)).sorted()
                .forEach(field -> problems.add(new FieldProblem(field, texts.text("handover.request.notAField"))));
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : PACKAGE) {
            Object value = submitted.get(field);
            if (value != null && !(value instanceof String)) {
                problems.add(new FieldProblem(field, texts.text("handover.request.notText")));
                continue;
            }
            String text = value == null ? "" : ((String) value).strip();
            int max = MONITORING_ITEMS.equals(field) ? MAX_ITEMS : MAX_TEXT;
            if (text.isEmpty()) {
                if (REQUIRED.contains(field)) {
                    problems.add(new FieldProblem(field, texts.text("handover.request.required")));
                }
            } else if (text.length() > max) {
                problems.add(new FieldProblem(field, texts.text("handover.request.tooLong", max)));
            } else if (MONITORING_ITEMS_FORMAT.equals(field) && !FORMATS.contains(text.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(field, texts.text("handover.request.format", text)));
            } else {
                values.put(field, MONITORING_ITEMS_FORMAT.equals(field) ? text.toLowerCase(Locale.ROOT) : text);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(texts.text("handover.invalid"), problems);
        }
        return new HandoverRequest(Map.copyOf(values));
    }
}
