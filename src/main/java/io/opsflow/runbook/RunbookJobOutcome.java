package io.opsflow.runbook;

import io.opsflow.azure.AutomationJobStatus;

/** How a runbook job ended for its caller; {@link #RUNNING} never leaves the call activity. */
public enum RunbookJobOutcome {
    COMPLETED("Completed"), FAILED("Failed"), STOPPED("Stopped"), SUSPENDED("Suspended"), TIMED_OUT("TimedOut"), RUNNING("Running");

    private final String value;

    RunbookJobOutcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /**
     * Every status Azure documents: the three final ones as they are; Suspended, Blocked and
     * Disconnected wait for a person to resume or stop the job, so they end the call as Suspended;
     * the rest (New, Activating, Running, Stopping, Suspending, Resuming, Removing) are on their way.
     */
    static RunbookJobOutcome of(AutomationJobStatus status) {
        return switch (status) {
            case COMPLETED -> COMPLETED;
            case FAILED -> FAILED;
            case STOPPED -> STOPPED;
            case SUSPENDED, BLOCKED, DISCONNECTED -> SUSPENDED;
            case NEW, ACTIVATING, RUNNING, STOPPING, SUSPENDING, RESUMING, REMOVING -> RUNNING;
        };
    }

    public static RunbookJobOutcome of(String value) {
        for (RunbookJobOutcome outcome : values()) {
            if (outcome.value.equals(value)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("Unknown runbook job outcome '" + value + "'");
    }
}
