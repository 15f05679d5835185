package io.opsflow.incident;

import io.opsflow.intake.IntakeResult;

/**
 * The one way inbound events reach incident coordination: starts a process for a new incident,
 * correlates into the running one, or recognises a duplicate. Returns only once the outcome is
 * committed in the engine's database, so an answered webhook is never lost.
 */
public interface IncidentIntake {

    IntakeResult receive(Alert alert);

    IntakeResult receive(ServiceNowIncidentEvent event);
}
