package io.opsflow.retry;

/**
 * An exception that says whether retrying the same call can ever succeed. Thrown out of a job
 * (an {@code asyncBefore} step), a permanent one skips the retry cycle and becomes a Camunda
 * incident at once with its message as the reason ({@link PermanentFaultsPlugin}); everything else,
 * including an exception that does not implement this interface, keeps the retry cycle.
 *
 * <p>A plain interface so the adapters ({@code servicenow}, {@code azure}, {@code slack}) can mark
 * their exceptions without knowing the engine. A type that is always permanent only implements it;
 * one whose permanence depends on the answer (ARM's status) overrides {@link #isPermanent()}.
 */
public interface PermanentFault {

    /** True when the same call will fail the same way until a person changes something. */
    default boolean isPermanent() {
        return true;
    }

    /** Whether {@code failure} or one of its causes is a permanent fault; the first {@code PermanentFault} in the chain decides. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentFault fault) {
                return fault.isPermanent();
            }
        }
        return false;
    }
}
