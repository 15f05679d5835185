package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.opsflow.intake.IntakeResult;

/** A later capability (the catalog's requested items) plugs in by declaring a handler for its table. */
class ServiceNowWebhookRouterTest {

    static final class FixedHandler extends ServiceNowTableHandler<Void> {
        private final IntakeResult result;

        FixedHandler(String table, IntakeResult result) {
            super(table, null, null);
            this.result = result;
        }

        @Override
        IntakeResult handle(ServiceNowWebhook webhook) {
            return result;
        }

        @Override
        Void event(ServiceNowWebhook webhook, Map<String, String> record, String customerId, long modCount) {
            throw new UnsupportedOperationException();
        }
    }

    static final IntakeResult RITM_STARTED = new IntakeResult(IntakeResult.Outcome.STARTED, "pi-1", "RITM0010007");

    @Test
    void eachTableGoesToItsHandler() {
        var router = new ServiceNowWebhookRouter(List.of(
                new FixedHandler("incident", new IntakeResult(IntakeResult.Outcome.CORRELATED, "pi-0", "INC0010042")),
                new FixedHandler("sc_req_item", RITM_STARTED)));

        assertThat(router.route(ServiceNowWebhook.of(Fixtures.body("servicenow/webhook-ritm-restart-vm.json")))).isEqualTo(RITM_STARTED);
        assertThat(router.route(ServiceNowWebhook.of(Fixtures.body("servicenow/webhook-incident-updated.json"))).businessKey())
                .isEqualTo("INC0010042");
    }

    @Test
    void aTableWithoutHandlerIs422() {
        var router = new ServiceNowWebhookRouter(List.of(new FixedHandler("incident", RITM_STARTED)));
        assertThatThrownBy(() -> router.route(ServiceNowWebhook.of(Fixtures.body("servicenow/webhook-ritm-restart-vm.json"))))
                .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
                    assertThat(e.getBody().getDetail()).contains("'sc_req_item'");
                });
    }

    @Test
    void twoHandlersForOneTableFailTheStart() {
        assertThatThrownBy(() -> new ServiceNowWebhookRouter(List.of(new FixedHandler("incident", RITM_STARTED),
                new FixedHandler("incident", RITM_STARTED))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Two handlers for ServiceNow table incident");
    }
}
