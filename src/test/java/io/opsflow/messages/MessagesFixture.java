package io.opsflow.messages;

import io.opsflow.customer.CustomerRegistry;

/** The real catalogue, configured as in application.yaml, for engine tests that build delegates by hand. */
public final class MessagesFixture {

    private MessagesFixture() {
    }

    public static Messages messages(CustomerRegistry customers) {
        return new Messages(Messages.standaloneSource(), customers);
    }
}
