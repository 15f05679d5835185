package io.opsflow.azure;

/** What a PUT of a whole resource answered: its id, name and type, and whether it was new (201). */
public record ArmResource(String id, String name, String type, boolean created) {

    static ArmResource from(ArmResponse response) {
        var json = response.json();
        return new ArmResource(json.path("id").asText(null), json.path("name").asText(null),
                json.path("type").asText(null), response.status() == 201);
    }
}
