/*
 * Business rule "opsflow webhook incident": table incident, When after, Insert and Update, Order 1000,
 * Condition: current.sys_updated_by != gs.getProperty('opsflow.integration.user')
 * (opsflow's own writes through the Table API are not sent back to it).
 */
(function executeRule(current, previous /* null when inserted */) {
    var webhook = new OpsflowWebhook();
    webhook.enqueue(webhook.buildPayload(current, previous, 'incident'));
})(current, previous);
