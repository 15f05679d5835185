package io.opsflow.slack;

import io.opsflow.customer.Customer;

/**
 * Tells a customer's operators something in the customer's Slack channel.
 *
 * <p>Blocking on purpose, like the other adapters: callers are delegates on job executor threads.
 */
public interface SlackNotifier {

    /**
     * Posts {@code message} to the channel of the customer's incoming webhook.
     *
     * @return {@link SlackDelivery#DELIVERED}, or {@link SlackDelivery#NOT_CONFIGURED} when the customer
     *         has no Slack channel in the registry (not a fault: Slack is optional per customer)
     * @throws SlackWebhookNotSetException the registry names an environment variable that is not set
     * @throws SlackRejectedException      Slack refused the message for good (revoked webhook, archived channel, ...)
     * @throws SlackUnavailableException   Slack did not accept it within the retry bounds: leave it to the job retry cycle
     */
    SlackDelivery notify(Customer customer, SlackMessage message);
}
