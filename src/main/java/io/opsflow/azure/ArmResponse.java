package io.opsflow.azure;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** A successful ARM answer; header names are lower case. */
public record ArmResponse(int status, Map<String, String> headers, String body) {

    static final ObjectMapper JSON = new ObjectMapper();

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    /** The body as JSON; a missing node for an empty body. */
    public JsonNode json() {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ArmException(status, "InvalidResponseBody", "ARM answered " + status + " with a body that is not JSON",
                    header("x-ms-request-id"), e);
        }
    }
}
