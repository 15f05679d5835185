package io.opsflow.azure;

/** {@code properties.status} of an Azure Automation job. */
public enum AutomationJobStatus {
    NEW("New"), ACTIVATING("Activating"), RUNNING("Running"), COMPLETED("Completed"), FAILED("Failed"),
    STOPPED("Stopped"), BLOCKED("Blocked"), SUSPENDED("Suspended"), DISCONNECTED("Disconnected"),
    SUSPENDING("Suspending"), STOPPING("Stopping"), RESUMING("Resuming"), REMOVING("Removing");

    private final String value;

    AutomationJobStatus(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Completed, Failed or Stopped: the job will not change any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == STOPPED;
    }

    /** Suspended, Blocked or Disconnected: not final, but waiting for a person to resume or stop it. */
    public boolean needsDecision() {
        return this == SUSPENDED || this == BLOCKED || this == DISCONNECTED;
    }

    public static AutomationJobStatus of(String value) {
        for (AutomationJobStatus status : values()) {
            if (status.value.equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown Automation job status '" + value + "'");
    }
}
