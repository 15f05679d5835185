package io.opsflow.engine;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Keeps String variables of any length. Camunda stores strings in a {@code varchar(4000)} column,
 * so a ServiceNow description, a comment or a runbook's output longer than that failed the whole
 * transaction (a webhook answered 500 and its event was lost). Strings that do not fit go to the
 * byte-array table instead; they stay of type String everywhere (Java, REST, Tasklist forms), only
 * queries by their value do not find them. Registered ahead of Camunda's own serializer, which keeps
 * every string that fits.
 */
class LongStringSerializer extends PrimitiveValueSerializer<StringValue> {

    static final String NAME = "opsflowLongString";

    /** In UTF-8 bytes, so the limit holds on databases that count bytes (4000 characters elsewhere). */
    static final int TEXT_COLUMN_BYTES = 4000;

    LongStringSerializer() {
        super(ValueType.STRING);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
        return value.getValue() instanceof String text && tooLongForTextColumn(text);
    }

    static boolean tooLongForTextColumn(String text) {
        // Cheap first: a string of at most 1000 chars cannot exceed 4000 bytes in UTF-8.
        return text.length() > TEXT_COLUMN_BYTES / 4 && text.getBytes(StandardCharsets.UTF_8).length > TEXT_COLUMN_BYTES;
    }

    @Override
    public StringValue convertToTypedValue(UntypedValueImpl untyped) {
        return Variables.stringValue((String) untyped.getValue(), untyped.isTransient());
    }

    @Override
    public void writeValue(StringValue value, ValueFields fields) {
        fields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public StringValue readValue(ValueFields fields, boolean asTransientValue) {
        byte[] bytes = fields.getByteArrayValue();
        return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransientValue);
    }
}
