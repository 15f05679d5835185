/**
 * What every inbound capability shares when an outside system hands it an event: the skeleton
 * ({@link io.opsflow.intake.Intake}: seen before?, start or correlate, record) into which a
 * capability plugs its {@link io.opsflow.intake.Intake.Handling}, the delivery
 * ledger ({@link io.opsflow.intake.InboundDeliveries}, each delivery once, with what became of it),
 * the retrying transaction in which a delivery's record and the engine's start or correlation commit
 * together ({@link io.opsflow.intake.IntakeTransaction}), and the outcome every webhook answers
 * from ({@link io.opsflow.intake.IntakeResult}).
 */
package io.opsflow.intake;
