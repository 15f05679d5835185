package io.opsflow.customerintake;

/** The customer-intake process: its key, and the BPMN errors by which a step hands over to a person. */
public final class IntakeProcess {

    public static final String KEY = "customer-intake";
    public static final String DOMAIN_TAKEN = "INTAKE_DOMAIN_TAKEN";
    public static final String TENANT_NOT_VERIFIED = "INTAKE_TENANT_NOT_VERIFIED";
    public static final String REPOSITORY_NAME_TAKEN = "INTAKE_REPOSITORY_NAME_TAKEN";
    public static final String MERGE_REFUSED = "INTAKE_MERGE_REFUSED";

    private IntakeProcess() {
    }
}
