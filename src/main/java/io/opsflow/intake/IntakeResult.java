package io.opsflow.intake;

/**
 * What became of an inbound event.
 *
 * @param outcome           STARTED (a new incident: answered 202), CORRELATED (into a running one),
 *                          DUPLICATE (this delivery was seen before), STALE (an older change of the
 *                          record than one already applied); the last three are answered 200
 * @param processInstanceId the incident-coordination instance concerned
 * @param businessKey       its business key
 */
public record IntakeResult(Outcome outcome, String processInstanceId, String businessKey) {

    public enum Outcome { STARTED, CORRELATED, DUPLICATE, STALE }
}
