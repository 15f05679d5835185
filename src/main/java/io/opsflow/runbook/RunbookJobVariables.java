package io.opsflow.runbook;

/**
 * The contract of the {@code runbook-job} call activity: what a caller maps in with {@code camunda:in}
 * and reads back with {@code camunda:out}. Inputs come from definitions (a DMN, a catalog item),
 * never from a form.
 */
public final class RunbookJobVariables {

    public static final String PROCESS_KEY = "runbook-job";

    /** In: the customer (tenant) whose Automation account runs the job. */
    public static final String CUSTOMER_ID = "customerId";
    /** In: the runbook's name in that account. */
    public static final String RUNBOOK = "runbook";
    /** In: the runbook's parameters as a JSON object of strings. */
    public static final String RUNBOOK_PARAMETERS = "runbookParameters";
    /** In, optional: the resource the runbook works on, shown on the called instance. */
    public static final String TARGET_RESOURCE = "targetResource";
    /** In, optional: ISO-8601 duration after which a running job is stopped ({@link RunbookJobTimes#DEFAULT_TIMEOUT}). */
    public static final String TIMEOUT = "runbookJobTimeout";
    /**
     * In, optional; out: the Automation job name. A caller that must stop the job itself (a cancelled
     * request) passes one it derived with {@code JobNames}; otherwise the start step derives it.
     */
    public static final String JOB_NAME = "runbookJobName";
    /**
     * In, optional: {@code true} makes a 404 on the job's start (the runbook, or the Automation account,
     * is not there) end the call with BPMN error {@link #ERROR_RUNBOOK_NOT_FOUND}, its message ARM's
     * answer, instead of an incident. For callers to whom the job is a help, not the work (diagnostics);
     * any other caller keeps the incident an operator repairs and retries.
     */
    public static final String NOT_FOUND_IS_ERROR = "runbookNotFoundIsError";
    /** The BPMN error code of {@link #NOT_FOUND_IS_ERROR}, caught by a boundary event on the caller's call activity. */
    public static final String ERROR_RUNBOOK_NOT_FOUND = "RUNBOOK_NOT_FOUND";

    /** Out: {@link RunbookJobOutcome} as text. */
    public static final String OUTCOME = "runbookJobOutcome";
    /** Out: the Automation status the outcome was read from ({@code FAILED}, {@code SUSPENDED}, …). */
    public static final String STATUS = "runbookJobStatus";
    /** Out: the job's Output stream (completed jobs). */
    public static final String OUTPUT = "runbookJobOutput";
    /** Out: the job's Error stream (any other outcome). */
    public static final String ERRORS = "runbookJobErrors";
    /** Out: the job's {@code exception} property, when Automation gave one. */
    public static final String EXCEPTION = "runbookJobException";

    static final String DEADLINE = "runbookJobDeadline";
    static final String POLL_INTERVAL = "runbookJobPollInterval";

    private RunbookJobVariables() {
    }
}
