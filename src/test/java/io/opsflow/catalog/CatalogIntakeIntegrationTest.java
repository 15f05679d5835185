package io.opsflow.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.intake.IntakeResult;
import io.opsflow.servicenow.RequestedItem;

/** Later deliveries of a requested item reach its running request: redeliveries, older changes, a cancellation. */
@OpsflowSpringTest
class CatalogIntakeIntegrationTest {

    static final String START_VM = "0b2d4f6a8c0e4a2c4e6a8c0e2b4d6f81";

    @Autowired
    CatalogIntake intake;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ObjectMapper json;

    @Test
    void aRequestItemCancelledInServiceNowStopsItsRequest() throws Exception {
        String sysId = json.readTree(rest.postForObject("/sandbox/servicenow/api/now/table/sc_req_item",
                Map.of("short_description", "Start VM", "company", "de300000000000000000000000000001"), String.class))
                .at("/result/sys_id").asText();
        Map<String, String> variables = Map.of("subscription_id", "00000000-0000-4000-8000-000000000001",
                "resource_group", "rg-demo-prod", "vm_name", "vm-demo-web02");

        IntakeResult started = intake.receive(event("cancel-1", sysId, 1, "1", variables));
        assertThat(started.outcome()).isEqualTo(IntakeResult.Outcome.STARTED);
        assertThat(started.businessKey()).isEqualTo("RITM0095001");
        assertThat(intake.receive(event("cancel-1", sysId, 1, "1", variables)).outcome()).isEqualTo(IntakeResult.Outcome.DUPLICATE);
        assertThat(intake.receive(event("cancel-0", sysId, 0, "1", variables)).outcome()).as("older change").isEqualTo(IntakeResult.Outcome.STALE);

        IntakeResult cancelled = intake.receive(event("cancel-2", sysId, 2, "4", variables));
        assertThat(cancelled.outcome()).isEqualTo(IntakeResult.Outcome.CORRELATED);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                runtime.createProcessInstanceQuery().processInstanceId(started.processInstanceId()).count() == 0);
        assertThat(intake.receive(event("cancel-3", sysId, 3, "4", variables)).outcome())
                .as("a closed item without a running request starts nothing").isEqualTo(IntakeResult.Outcome.STALE);
    }

    private static ServiceNowRequestItemEvent event(String delivery, String sysId, long modCount, String state, Map<String, String> variables) {
        return new ServiceNowRequestItemEvent(delivery, "updated", "demo", modCount, RequestedItem.of(Map.of("sys_id", sysId,
                "number", "RITM0095001", "cat_item", START_VM, "state", state, "approval", "not requested")), "Start VM",
                variables, Map.of(), Instant.now());
    }
}
