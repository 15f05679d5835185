package io.opsflow.access;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Process definitions are shared by all customers; each instance belongs to the customer (tenant)
 * named by its {@value #CUSTOMER_ID} variable, and sub-processes to their caller's customer. A caller
 * that belongs to no customer (the monthly run over all customers) hands each sub-process the customer
 * its call names in a {@value #CUSTOMER_ID} variable of the calling execution (a multi-instance element).
 * Tasks inherit the tenant, which is what keeps one customer's operators out of another's work.
 */
public class CustomerTenantIdProvider implements TenantIdProvider {

    public static final String CUSTOMER_ID = "customerId";

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null) {
            String callerTenant = ctx.getSuperExecution().getTenantId();
            return callerTenant != null ? callerTenant : customerOf(ctx.getSuperExecution().getVariable(CUSTOMER_ID));
        }
        return customerOf(ctx.getVariables() == null ? null : ctx.getVariables().get(CUSTOMER_ID));
    }

    private static String customerOf(Object customerId) {
        return customerId instanceof String id && !id.isBlank() ? id : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return ctx.getSuperExecution() != null ? ctx.getSuperExecution().getTenantId() : null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }
}
