package io.opsflow.sandbox;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Adds to the demo customer's simulated estate what its monthly service figures need besides the
 * VMs, site and database {@link SandboxDemo} seeds: a Log Analytics workspace (heartbeats, AVD
 * connections) and an AVD host pool.
 */
@Component
@ConditionalOnSandbox
class SandboxMonitorDemo implements InitializingBean {

    static final String WORKSPACE = "/subscriptions/" + SandboxDemo.SUBSCRIPTION
            + "/resourceGroups/rg-demo-ops/providers/Microsoft.OperationalInsights/workspaces/log-demo-ops";
    static final String HOST_POOL = "/subscriptions/" + SandboxDemo.SUBSCRIPTION
            + "/resourceGroups/rg-demo-prod/providers/Microsoft.DesktopVirtualization/hostPools/hp-demo-avd";

    private final ArmSimulator arm;

    SandboxMonitorDemo(ArmSimulator arm) {
        this.arm = arm;
    }

    @Override
    public void afterPropertiesSet() {
        arm.seed(WORKSPACE, "japaneast");
        arm.seed(HOST_POOL, "japaneast");
    }
}
