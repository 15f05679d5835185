package io.opsflow.validation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException.Reference;

/** Jackson's reference chain as a readable path: {@code customers[1].azure.tenantId}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String of(List<Reference> path) {
        StringBuilder out = new StringBuilder();
        for (Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
