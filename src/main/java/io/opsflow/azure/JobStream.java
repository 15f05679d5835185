package io.opsflow.azure;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

/** One record of a job's streams; {@code text} is only filled by {@code JobStream_Get}. */
public record JobStream(String id, Type type, OffsetDateTime time, String summary, String text) {

    public enum Type {
        PROGRESS("Progress"), OUTPUT("Output"), WARNING("Warning"), ERROR("Error"), DEBUG("Debug"), VERBOSE("Verbose");

        private final String value;

        Type(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static Type of(String value) {
            for (Type type : values()) {
                if (type.value.equalsIgnoreCase(value)) {
                    return type;
                }
            }
            return null;
        }
    }

    static JobStream from(JsonNode stream) {
        JsonNode p = stream.path("properties");
        return new JobStream(p.path("jobStreamId").asText(null), Type.of(p.path("streamType").asText("")),
                AutomationJob.time(p, "time"), p.path("summary").asText(null), p.path("streamText").asText(null));
    }
}
