package io.opsflow.handover;

import static io.opsflow.handover.HandoverVariables.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.Messages;
import io.opsflow.zabbix.ZabbixMonitoring;

/**
 * Reads what the agreed monitoring design would create or change, in Azure Monitor and in a Zabbix
 * opsflow reaches by API, for the operators to approve. The approval is bound to this reading by
 * its fingerprint: the apply step reads again and comes back here when anything moved meanwhile.
 * A Zabbix without API (3.0) gets an import file instead.
 */
@Component
class PlanMonitoringDelegate implements JavaDelegate {

    private final CustomerRegistry customers;
    private final AgreedItems agreed;
    private final MonitoringDesign azure;
    private final ZabbixMonitoring zabbix;
    private final Messages messages;

    PlanMonitoringDelegate(CustomerRegistry customers, AgreedItems agreed, MonitoringDesign azure, ZabbixMonitoring zabbix, Messages messages) {
        this.customers = customers;
        this.agreed = agreed;
        this.azure = azure;
        this.zabbix = zabbix;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customerId = (String) execution.getVariable(CUSTOMER_ID);
        Customer customer = customers.find(customerId).orElseThrow(() -> new CheckHandoverPackageDelegate.CustomerGone(customerId));
        List<MonitoringItem> items = agreed.of(customerId);
        List<MonitoringChange> azureChanges = azure.plan(customer, items);
        boolean zabbixItems = items.stream().anyMatch(item -> item.kind() == MonitoringKind.ZABBIX);
        boolean zabbixApi = zabbixItems && zabbix.reachable(customer);
        List<MonitoringChange> zabbixChanges = zabbixApi ? zabbix.plan(customer, items) : List.of();
        List<MonitoringChange> all = new ArrayList<>(azureChanges);
        all.addAll(zabbixChanges);
        execution.setVariable(MONITORING_CHANGES, MonitoringChangeLines.of(all, messages.forCustomer(customer)));
        execution.setVariable(MONITORING_CHANGES_PENDING, all.stream().anyMatch(MonitoringChange::pending));
        execution.setVariable(MONITORING_PLAN_FINGERPRINT, fingerprint(azureChanges, zabbixChanges));
        execution.setVariable(ZABBIX_IMPORT_NEEDED, zabbixItems && !zabbixApi);
    }

    static String fingerprint(List<MonitoringChange> azure, List<MonitoringChange> zabbix) {
        return MonitoringDesign.fingerprint(azure) + "/" + MonitoringDesign.fingerprint(zabbix);
    }
}
