package io.opsflow.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.deployment.StartupLock;
import io.opsflow.security.IdentityBootstrap;
import io.opsflow.security.Roles;

/**
 * Announces sandbox mode and registers the demo customer, whose Azure estate (resource groups,
 * VMs, Automation account) exists in the simulated Resource Manager.
 */
@Component
@ConditionalOnSandbox
class SandboxDemo implements InitializingBean {

    static final String CUSTOMER_ID = "demo";
    static final String SUBSCRIPTION = "00000000-0000-4000-8000-000000000001";
    static final String DEMO_COMPANY = "de300000000000000000000000000001";
    static final String DEMO_RITM_SYS_ID = "de3e0000000000000000000000000001";
    /** The demo customer's webhook tokens: set them to try the webhooks (README, "Try it in sandbox mode"). */
    static final String AZURE_MONITOR_TOKEN_ENV = "OPSFLOW_DEMO_AZURE_MONITOR_TOKEN";
    static final String ZABBIX_TOKEN_ENV = "OPSFLOW_DEMO_ZABBIX_TOKEN";
    static final String ZABBIX_API_URL = "https://zabbix.demo.example.jp/zabbix";
    /** Never read in sandbox mode: the simulator takes a stand-in token. */
    static final String ZABBIX_API_TOKEN_ENV = "OPSFLOW_DEMO_ZABBIX_API_TOKEN";
    private static final Logger log = LoggerFactory.getLogger(SandboxDemo.class);

    private final CustomerRegistry customers;
    private final ArmSimulator arm;
    private final ServiceNowTables servicenow;
    private final StartupLock startupLock;

    /** Takes {@link IdentityBootstrap} so the role groups exist before they become tenant members. */
    SandboxDemo(CustomerRegistry customers, ArmSimulator arm, ServiceNowTables servicenow, StartupLock startupLock,
                IdentityBootstrap identity) {
        this.customers = customers;
        this.arm = arm;
        this.servicenow = servicenow;
        this.startupLock = startupLock;
    }

    @Override
    public void afterPropertiesSet() {
        log.warn("""

                ==================================================================================
                  SANDBOX MODE: no ServiceNow instance is configured (opsflow.servicenow.base-url).
                  ServiceNow and Azure are simulated inside opsflow under /sandbox/; see what
                  they hold at /sandbox. Demo customer: '{}' (webhooks /webhooks/azure-monitor/demo
                  and /webhooks/zabbix/demo with the tokens in {} and {}).
                  Set OPSFLOW_SERVICENOW_BASE_URL to run against real systems.
                ==================================================================================""",
                CUSTOMER_ID, AZURE_MONITOR_TOKEN_ENV, ZABBIX_TOKEN_ENV);
        startupLock.runExclusively(() -> {
            // A demo customer saved before webhook credentials were per customer, or before its Zabbix API, gets them now.
            if (customers.find(CUSTOMER_ID).map(c -> c.azure() == null || c.azure().monitorWebhook() == null
                    || c.zabbix() == null || c.zabbix().apiUrl() == null).orElse(true)) {
                customers.save(demoCustomer());
            }
        });
        String sub = "/subscriptions/" + SUBSCRIPTION;
        arm.seed(sub + "/resourceGroups/rg-demo-ops", "japaneast");
        arm.seed(sub + "/resourceGroups/rg-demo-prod", "japaneast");
        arm.seed(sub + "/resourceGroups/rg-demo-ops/providers/Microsoft.Automation/automationAccounts/aa-demo-ops", "japaneast");
        // The estate the diagnostic runbooks are shown on: RHEL 8 with httpd, CentOS 7 with Tomcat, Windows Server 2019.
        String prod = sub + "/resourceGroups/rg-demo-prod/providers/";
        arm.seed(prod + "Microsoft.Compute/virtualMachines/vm-demo-web01", "japaneast", vm("Linux", "RedHat", "RHEL", "8-lvm-gen2"));
        arm.seed(prod + "Microsoft.Compute/virtualMachines/vm-demo-web02", "japaneast", vm("Linux", "OpenLogic", "CentOS", "7_9"));
        arm.seed(prod + "Microsoft.Compute/virtualMachines/vm-demo-db01", "japaneast",
                vm("Windows", "MicrosoftWindowsServer", "WindowsServer", "2019-datacenter"));
        arm.seed(prod + "Microsoft.Sql/servers/sql-demo-prod/databases/sales", "japaneast", Map.of("status", "Online"));
        arm.seed(prod + "Microsoft.Web/sites/app-demo-shop", "japaneast", Map.of("state", "Running"));
        arm.seed(prod + "Microsoft.DocumentDB/databaseAccounts/cosmos-demo-prod", "japaneast", Map.of());
        // The requested item of docs/samples/servicenow-ritm-restart-vm-demo.json, so its updates land somewhere.
        servicenow.seed("sc_req_item", Map.of("sys_id", DEMO_RITM_SYS_ID, "number", "RITM0090001", "cat_item_name", "Restart VM",
                "short_description", "VM 再起動 / Restart VM", "company", DEMO_COMPANY, "state", "1", "stage", "request_approved",
                "active", "true"));
    }

    private static Map<String, Object> vm(String osType, String publisher, String offer, String sku) {
        return Map.of("storageProfile", Map.of("osDisk", Map.of("osType", osType),
                "imageReference", Map.of("publisher", publisher, "offer", offer, "sku", sku)));
    }

    static Customer demoCustomer() {
        return new Customer(CUSTOMER_ID, "デモ株式会社 (Demo Co.)", "ja",
                new Customer.Azure("00000000-0000-4000-8000-000000000000", List.of(SUBSCRIPTION),
                        new Customer.AutomationAccount(SUBSCRIPTION, "rg-demo-ops", "aa-demo-ops"),
                        new Customer.Credential("managed-identity", null, null),
                        new Customer.MonitorWebhook(AZURE_MONITOR_TOKEN_ENV, null, List.of())),
                new Customer.ServiceNow(DEMO_COMPANY, "MSP Operations"),
                // Its Zabbix API is the simulator (SandboxEndpoints routes every customer's there); the URL is what a real one looks like.
                new Customer.Zabbix(List.of("Demo/Production"), ZABBIX_TOKEN_ENV, ZABBIX_API_URL, ZABBIX_API_TOKEN_ENV),
                null,
                Map.of("P1", sla(15, 60, 240), "P2", sla(30, 120, 480), "P3", sla(60, 480, 4320), "P4", sla(240, 1440, 7200)),
                new Customer.Members(List.of(), List.of(Roles.OPERATORS_GROUP, Roles.MANAGERS_GROUP, Roles.DESIGN_TEAM_GROUP)),
                // A paid plan and a contact, so the Microsoft escalation walkthrough needs nothing typed in.
                new Customer.Support(Customer.SupportPlan.PROFESSIONAL_DIRECT,
                        new Customer.Contact("太郎", "運用", "ops@demo.example.jp", List.of(), null, null, null, null, null),
                        Customer.SupportRelay.WORK_NOTE, null));
    }

    private static Customer.SlaTarget sla(int acknowledgeMinutes, int identifyCauseMinutes, int resolveMinutes) {
        return new Customer.SlaTarget(Duration.ofMinutes(acknowledgeMinutes), Duration.ofMinutes(identifyCauseMinutes),
                Duration.ofMinutes(resolveMinutes));
    }
}
