/*
 * Business rule "opsflow webhook sc_req_item": table sc_req_item, When after, Insert and Update, Order 1000,
 * Condition: String(current.getValue('sys_updated_by')) != String(gs.getProperty('opsflow.integration.user'))
 * (the loop guard: what opsflow itself writes through the Table API is not sent back to it).
 */
(function executeRule(current, previous /* null when inserted */) {
    var webhook = new OpsflowWebhook();
    webhook.enqueue(webhook.buildPayload(current, previous, 'sc_req_item'));
})(current, previous);
