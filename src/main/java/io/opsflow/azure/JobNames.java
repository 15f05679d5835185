package io.opsflow.azure;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Automation job names derived from the process step that starts the job. The name is chosen by
 * the client and is the job's identity in ARM, so a step that is retried (the job executor re-runs
 * an {@code asyncBefore} task after a failure or a crash) asks for the same job again instead of
 * starting a second one.
 */
public final class JobNames {

    private JobNames() {
    }

    /** A name-based UUID for (process instance, activity). */
    public static String forStep(String processInstanceId, String activityId) {
        return uuid(part(processInstanceId) + "/" + part(activityId));
    }

    /**
     * For a step that runs more than once in one instance (a loop, a multi-instance body): the
     * discriminator (e.g. {@code loopCounter}) keeps the runs apart.
     */
    public static String forStep(String processInstanceId, String activityId, String discriminator) {
        return uuid(part(processInstanceId) + "/" + part(activityId) + "/" + part(discriminator));
    }

    private static String part(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A job name needs the process instance id, the activity id and any discriminator");
        }
        return value;
    }

    private static String uuid(String key) {
        return UUID.nameUUIDFromBytes(("opsflow-automation-job:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
