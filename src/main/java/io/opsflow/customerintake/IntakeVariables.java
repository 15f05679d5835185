package io.opsflow.customerintake;

import java.util.List;

/** Names of the customer-intake process variables: the intake form's fields, then what the steps find. */
public final class IntakeVariables {

    /**
     * Not {@code customerId}: that variable puts an instance in the customer's tenant, which does not exist
     * until the intake's end; the intake is the MSP's own work (administrators and the design team).
     */
    public static final String CUSTOMER_ID = "newCustomerId";
    public static final String COMPANY_NAME_JA = "companyNameJa";
    public static final String COMPANY_NAME_EN = "companyNameEn";
    public static final String DOMAIN_PREFIX = "domainPrefix";
    public static final String CONTACT_FIRST_NAME = "contactFirstName";
    public static final String CONTACT_LAST_NAME = "contactLastName";
    public static final String CONTACT_EMAIL = "contactEmail";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String LOCALE = "locale";
    public static final String SUPPORT_PLAN = "supportPlan";
    /** One line per priority: {@code P1 PT15M PT1H PT4H} (acknowledge, identify cause, resolve). */
    public static final String SLA_TARGETS = "slaTargets";
    public static final String SERVICE_NOW_COMPANY = "serviceNowCompanySysId";
    public static final String AZURE_REGION = "azureRegion";
    public static final String POSTAL_CODE = "postalCode";
    public static final String PREFECTURE = "prefecture";
    public static final String CITY = "city";
    public static final String ADDRESS_LINE = "addressLine";
    /** {@code csp}: the MSP creates the tenant through Partner Center; {@code existing}: the customer brings one. */
    public static final String TENANT_MODE = "tenantMode";
    public static final String LIGHTHOUSE = "lighthouse";
    /** Customer-specific items the template cannot do, one per line in the form. */
    public static final String CHECKLIST = "checklist";

    /** What the intake form may set: nothing else is accepted from a start form or the API. */
    public static final List<String> REQUEST = List.of(CUSTOMER_ID, COMPANY_NAME_JA, COMPANY_NAME_EN, DOMAIN_PREFIX,
            CONTACT_FIRST_NAME, CONTACT_LAST_NAME, CONTACT_EMAIL, CONTACT_PHONE, LOCALE, SUPPORT_PLAN, SLA_TARGETS,
            SERVICE_NOW_COMPANY, AZURE_REGION, POSTAL_CODE, PREFECTURE,
            CITY, ADDRESS_LINE, TENANT_MODE, LIGHTHOUSE, CHECKLIST);

    /** Where a ServiceNow-requested intake came from: its requested item; set by opsflow, never by a form. */
    public static final String SERVICE_NOW_REQUEST_SYS_ID = "serviceNowRequestSysId";
    public static final String SERVICE_NOW_REQUEST_NUMBER = "serviceNowRequestNumber";
    static final List<String> ORIGIN = List.of(SERVICE_NOW_REQUEST_SYS_ID, SERVICE_NOW_REQUEST_NUMBER);

    public static final String SERVICE_NOW_ASSIGNMENT_GROUP = "serviceNowAssignmentGroup";
    /** The checklist as a list, one task each. */
    public static final String CHECKLIST_ITEMS = "checklistItems";
    public static final String CHECKLIST_ITEM = "checklistItem";
    public static final String PARTNER_CENTER = "partnerCenterConfigured";
    public static final String AZURE_TENANT_ID = "azureTenantId";
    public static final String AZURE_SUBSCRIPTION_ID = "azureSubscriptionId";
    public static final String SUBSCRIPTION_READY = "subscriptionReady";
    public static final String SUBSCRIPTION_FIRST_LOOK = "subscriptionFirstLook";
    /** Waited longer than {@code opsflow.customer-intake.subscription-wait}: a person is asked for the subscription. */
    public static final String SUBSCRIPTION_OVERDUE = "subscriptionOverdue";
    /** ISO-8601 duration of the process's polling timers. */
    public static final String POLL_INTERVAL = "intakePollInterval";
    /** Without Lighthouse: the customer's own app registration for opsflow, and the variable holding its secret. */
    public static final String CUSTOMER_CLIENT_ID = "customerClientId";
    public static final String CUSTOMER_SECRET_ENV = "customerSecretEnv";
    public static final String REPOSITORY_NAME = "repositoryName";
    public static final String REPOSITORY_URL = "repositoryUrl";
    public static final String REPOSITORY_READY = "repositoryReady";
    public static final String MERGE_SHA = "mergeSha";
    public static final String PIPELINE_ID = "pipelineId";
    /** {@link PipelineProgress} name. */
    public static final String PIPELINE_PROGRESS = "pipelineProgress";
    public static final String WORKFLOW_ID = "workflowId";
    public static final String APPROVAL_REQUEST_ID = "approvalRequestId";
    public static final String PIPELINE_URL = "pipelineUrl";
    public static final String MISSING_RESOURCES = "missingResources";
    public static final String RESOURCES_COMPLETE = "resourcesComplete";
    /** Why a step stopped for a person, in the form's language. */
    public static final String INTAKE_PROBLEM = "intakeProblem";
    /** The person's choice at such a step: one of {@link Decision}. */
    public static final String DECISION = "intakeDecision";
    public static final String PIPELINE_APPROVED = "pipelineApproved";

    /** What an operator may decide when a step could not go on by itself. */
    public enum Decision { retry, adopt, manual, abort }

    private IntakeVariables() {
    }
}
