package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.zabbix.ZabbixMonitoring;

/**
 * Applies what the operators approved, and only that: each side reads again first, and a reading
 * that differs from the approved one (someone changed a rule by hand, a resource moved) goes back
 * to planning as BPMN error {@value #PLAN_CHANGED} instead of writing what nobody approved. Applying
 * writes only what differs, so a retried job or a second handover writes nothing twice.
 */
@Component
class ApplyMonitoringDelegate implements JavaDelegate {

    static final String PLAN_CHANGED = "MONITORING_PLAN_CHANGED";

    private final CustomerRegistry customers;
    private final AgreedItems agreed;
    private final MonitoringDesign azure;
    private final ZabbixMonitoring zabbix;

    ApplyMonitoringDelegate(CustomerRegistry customers, AgreedItems agreed, MonitoringDesign azure, ZabbixMonitoring zabbix) {
        this.customers = customers;
        this.agreed = agreed;
        this.azure = azure;
        this.zabbix = zabbix;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElseThrow(() -> new CheckHandoverPackageDelegate.CustomerGone(customerId));
        List<MonitoringItem> items = agreed.of(customerId);
        String[] approved = ((String) execution.getVariable(MONITORING_PLAN_FINGERPRINT)).split("/", 2);
        boolean zabbixApi = items.stream().anyMatch(item -> item.kind() == MonitoringKind.ZABBIX) && zabbix.reachable(customer);
        if (zabbixApi && !MonitoringDesign.fingerprint(zabbix.plan(customer, items)).equals(approved[1])) {
            throw new BpmnError(PLAN_CHANGED, "The Zabbix configuration changed since the approval");
        }
        try {
            azure.apply(customer, items, approved[0]);
        } catch (MonitoringDesign.PlanChanged e) {
            throw new BpmnError(PLAN_CHANGED, e.getMessage());
        }
        if (zabbixApi) {
            zabbix.apply(customer, items);
        }
    }
}
