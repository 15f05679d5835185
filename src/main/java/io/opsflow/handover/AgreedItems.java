package io.opsflow.handover;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Component;

import io.opsflow.customer.Onboarding;
import io.opsflow.retry.PermanentFault;

/**
 * The monitoring items the operations review agreed, as every step after the review reads them:
 * from the agreement kept in {@link Onboarding}, not from the process variables a later revision
 * could have changed.
 */
@Component
class AgreedItems {

    private final Onboarding onboarding;

    AgreedItems(Onboarding onboarding) {
        this.onboarding = onboarding;
    }

    List<MonitoringItem> of(String customerId) {
        Onboarding.AgreedDesign design = onboarding.agreed(customerId).orElseThrow(() -> new NothingAgreed(customerId));
        return parse(design.monitoringItems(), design.monitoringItemsFormat());
    }

    static List<MonitoringItem> parse(String items, String format) {
        MonitoringItemsList list = MonitoringItemsList.parse(items.getBytes(StandardCharsets.UTF_8), "monitoring-items." + format);
        if (!list.problems().isEmpty()) {
            throw new NothingAgreed("the agreed list no longer parses: " + list.problems().get(0));
        }
        return list.items();
    }

    static final class NothingAgreed extends IllegalStateException implements PermanentFault {
        NothingAgreed(String what) {
            super("No agreed monitoring design for " + what);
        }
    }
}
