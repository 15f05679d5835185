package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;

/**
 * The customer goes live: the agreed SLA targets become the registry's (so incidents from now on
 * arm timers against them), then the customer's alerts page people. Targets the package left out
 * keep what the registry had. Run again, it writes the same.
 */
@Component
class GoLiveDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final Onboarding onboarding;

    GoLiveDelegate(CustomerRegistry customers, Onboarding onboarding) {
        this.customers = customers;
        this.onboarding = onboarding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElseThrow(() -> new CheckHandoverPackageDelegate.CustomerGone(customerId));
        onboarding.agreed(customerId).filter(design -> !design.pendingSla().isEmpty()).ifPresent(design -> {
            var sla = new java.util.TreeMap<>(customer.sla());
            sla.putAll(design.pendingSla());
            customers.save(new Customer(customer.id(), customer.displayName(), customer.locale(), customer.azure(), customer.servicenow(),
                    customer.zabbix(), customer.slack(), sla, customer.members(), customer.support()));
        });
        onboarding.goLive(customerId);
    }
}
