package io.opsflow.engine;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Camunda's history producer, except that the audit copy of a submitted form field (a
 * {@code varchar(4000)} column) keeps at most what fits. The variable itself keeps the whole text
 * ({@link LongStringSerializer}); without this, submitting a form with a long field failed.
 */
class FormHistoryEventProducer extends CacheAwareHistoryEventProducer {

    /** Characters; a cut text ends with an ellipsis so the audit shows it was cut. */
    static final int MAX_VALUE = 3999;

    @Override
    public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue, String taskId) {
        String value = propertyValue != null && LongStringSerializer.tooLongForTextColumn(propertyValue)
                ? cut(propertyValue) : propertyValue;
        return super.createFormPropertyUpdateEvt(execution, propertyId, value, taskId);
    }

    private static String cut(String text) {
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > LongStringSerializer.TEXT_COLUMN_BYTES - 3) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return kept.append('…').toString();
    }
}
