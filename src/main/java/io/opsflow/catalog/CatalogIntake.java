package io.opsflow.catalog;

import io.opsflow.intake.IntakeResult;

/** The one way requested items reach the service catalog: start, correlate, or recognise a duplicate. */
public interface CatalogIntake {

    IntakeResult receive(ServiceNowRequestItemEvent event);
}
