package io.opsflow.escalation;

import io.opsflow.retry.PermanentFault;

/**
 * A ticket cannot be opened without a contact Microsoft can reach, and retrying will not create
 * one: the step fails at once, as a Camunda incident that says what to add to the registry.
 */
class MissingSupportContactException extends IllegalStateException implements PermanentFault {

    MissingSupportContactException(String customerId) {
        super("Customer '" + customerId + "' has no support contact in the registry: add support.contact "
                + "(PUT /api/customers/" + customerId + " or the customers file), then retry this step in Cockpit");
    }
}
