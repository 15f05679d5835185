package io.opsflow.handover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What counts as a difference between the body opsflow sends and the resource Azure answers with. */
class AlertRuleDifferencesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readOnlyFieldsEchoedEmptyArraysOtherCaseIdsAndEqualNumbersAreNoDifference() {
        JsonNode sent = json("""
                {"location":"Global","properties":{"scopes":["/subscriptions/S/resourceGroups/RG/providers/Microsoft.Compute/virtualMachines/vm"],
                 "criteria":{"allOf":[{"threshold":90,"dimensions":[]}]},
                 "actions":[{"actionGroupId":"/subscriptions/S/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ag"}]}}""");
        JsonNode held = json("""
                {"id":"/subscriptions/s/resourcegroups/rg-ops/providers/microsoft.insights/metricalerts/r","location":"global",
                 "properties":{"scopes":["/subscriptions/s/resourcegroups/rg/providers/microsoft.compute/virtualmachines/vm"],
                  "criteria":{"allOf":[{"threshold":90.0}]},"lastUpdatedTime":"2026-12-02T00:00:00Z","isMigrated":false,
                  "actions":[{"actionGroupId":"/subscriptions/s/resourcegroups/rg-ops/providers/microsoft.insights/actiongroups/ag",
                              "webHookProperties":{}}]}}""");

        assertThat(AlertRuleDifferences.between(sent, held)).isEmpty();
    }

    @Test
    void eachChangedValueIsOneLineAndTextsStayCaseSensitive() {
        JsonNode sent = json("""
                {"tags":{"opsflow-item":"Web01 CPU"},"properties":{"severity":1,"enabled":true,"description":"Web01 CPU",
                 "criteria":{"allOf":[{"operator":"GreaterThan","threshold":95}]},"scopes":["/subscriptions/s/a","/subscriptions/s/b"]}}""");
        JsonNode held = json("""
                {"tags":{},"properties":{"severity":2,"enabled":false,"description":"web01 cpu",
                 "criteria":{"allOf":[{"operator":"GreaterThan","threshold":90}]},"scopes":["/subscriptions/s/a"]}}""");

        assertThat(AlertRuleDifferences.between(sent, held)).containsExactly(
                "tags.opsflow-item: (none) → Web01 CPU",
                "severity: 2 → 1",
                "enabled: false → true",
                "description: web01 cpu → Web01 CPU",
                "threshold: 90 → 95",
                "scopes: [\"/subscriptions/s/a\"] → [\"/subscriptions/s/a\",\"/subscriptions/s/b\"]");
    }

    @Test
    void aWebhookTokenIsMaskedOnBothSides() {
        JsonNode sent = json("{\"properties\":{\"webhookReceivers\":[{\"serviceUri\":\"https://o.example/w/acme?token=new-secret\"}]}}");
        JsonNode held = json("{\"properties\":{\"webhookReceivers\":[{\"serviceUri\":\"https://o.example/w/acme?token=old-secret&x=1\"}]}}");

        assertThat(AlertRuleDifferences.between(sent, held)).containsExactly(
                "webhookReceivers[0].serviceUri: https://o.example/w/acme?token=***&x=1 → https://o.example/w/acme?token=***");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
