/**
 * OpsflowOutboxSender (script include, global): the scheduled job "opsflow outbox sender" runs
 * new OpsflowOutboxSender().sendDue() every minute.
 *
 * Sends the outbox rows that are ready and due, oldest change of each record first, and never a
 * later change of a record while an earlier one is unsent (opsflow ignores a change older than one
 * it applied, so sending out of order would lose the earlier one). Each body is signed when sent:
 * X-Opsflow-Signature: sha256=<base64 HMAC-SHA256(secret, body)>, X-Opsflow-Delivery: event.id.
 *
 * 2xx: sent. 503 / 429: again after Retry-After seconds (back-off when absent). 408, other 5xx and
 * transport errors: back-off 1, 2, 4 ... minutes, capped at 60, failed after MAX_ATTEMPTS (about
 * 55 hours). Other 4xx: failed at once, for a human (docs/servicenow-webhook.md, "Resending").
 */
var OpsflowOutboxSender = Class.create();

OpsflowOutboxSender.MAX_ATTEMPTS = 60;
OpsflowOutboxSender.MAX_BACKOFF_SECONDS = 3600;
OpsflowOutboxSender.BATCH = 200;

OpsflowOutboxSender.prototype = {
    initialize: function () {
        this.endpoint = String(gs.getProperty('opsflow.webhook.url', ''));
        this.midServer = String(gs.getProperty('opsflow.webhook.mid_server', ''));
        this.timeoutMs = parseInt(gs.getProperty('opsflow.webhook.timeout_ms', '10000'), 10);
    },

    /** Sends what is due; returns how many rows were attempted. */
    sendDue: function () {
        var now = new GlideDateTime().getValue();
        var due = new GlideRecord(OpsflowWebhook.OUTBOX);
        due.addQuery('u_state', 'ready');
        due.addQuery('u_next_attempt_at', '<=', now);
        due.orderBy('u_document');
        due.orderBy('u_sequence');
        due.orderBy('sys_created_on');
        due.setLimit(OpsflowOutboxSender.BATCH);
        due.query();
        var held = {};
        var attempted = 0;
        while (due.next()) {
            var document = String(due.getValue('u_document'));
            if (held[document] || this._earlierUnsent(due)) {
                held[document] = true;
                continue;
            }
            attempted++;
            if (!this._send(due)) {
                held[document] = true;
            }
        }
        return attempted;
    },

    /** Whether a change of the same record that came before this one is not sent yet (ready or failed). */
    _earlierUnsent: function (row) {
        var earlier = new GlideRecord(OpsflowWebhook.OUTBOX);
        earlier.addQuery('u_document', row.getValue('u_document'));
        earlier.addQuery('u_state', '!=', 'sent');
        earlier.addQuery('u_sequence', '<', row.getValue('u_sequence'));
        earlier.setLimit(1);
        earlier.query();
        return earlier.hasNext();
    },

    /** One attempt for one row; returns whether it was sent. */
    _send: function (row) {
        var attempts = (parseInt(row.getValue('u_attempts'), 10) || 0) + 1;
        var status = 0;
        var error = '';
        var retryAfter = null;
        try {
            var body = String(row.getValue('u_payload'));
            var request = new sn_ws.RESTMessageV2();
            request.setEndpoint(this.endpoint);
            request.setHttpMethod('post');
            request.setRequestHeader('Content-Type', 'application/json; charset=utf-8');
            request.setRequestHeader('X-Opsflow-Signature', 'sha256=' + this._sign(body));
            request.setRequestHeader('X-Opsflow-Delivery', String(row.getValue('u_delivery_id')));
            request.setRequestBody(body);
            request.setHttpTimeout(this.timeoutMs);
            if (this.midServer) {
                request.setMIDServer(this.midServer);
            }
            var response = request.execute();
            status = parseInt(response.getStatusCode(), 10) || 0;
            if (status < 200 || status > 299) {
                error = this._limit(String(response.getBody() || '') + ' ' + String(response.getErrorMessage() || ''));
                retryAfter = this._seconds(response.getHeader('Retry-After'));
            }
        } catch (e) {
            status = 0;
            error = this._limit('transport: ' + (e && e.message ? e.message : String(e)));
        }

        row.setValue('u_attempts', attempts);
        row.setValue('u_last_status', status);
        row.setValue('u_last_error', error);
        var sent = status >= 200 && status <= 299;
        if (sent) {
            row.setValue('u_state', 'sent');
        } else if (this._retryable(status) && attempts < OpsflowOutboxSender.MAX_ATTEMPTS) {
            var wait = (status == 503 || status == 429) && retryAfter != null ? retryAfter : this._backoff(attempts);
            var next = new GlideDateTime();
            next.addSeconds(wait);
            row.setValue('u_next_attempt_at', next.getValue());
        } else {
            row.setValue('u_state', 'failed');
            // The body and the secret stay out of the log: the row holds the body, the secret is private.
            gs.error('opsflow outbox: delivery ' + row.getValue('u_delivery_id') + ' of ' + row.getValue('u_number')
                + ' failed after ' + attempts + ' attempt(s), HTTP ' + status + '; resend it from ' + OpsflowWebhook.OUTBOX);
        }
        row.update();
        return sent;
    },

    /** base64 HMAC-SHA256 of the body with the shared secret (private property opsflow.webhook.secret). */
    _sign: function (body) {
        var key = GlideStringUtil.base64Encode(String(gs.getProperty('opsflow.webhook.secret', '')));
        return String(new GlideCertificateEncryption().generateMac(key, 'HmacSHA256', body));
    },

    /** No answer, a timeout, a throttle or a server error may pass; any other 4xx will not by itself. */
    _retryable: function (status) {
        return status === 0 || status == 408 || status == 429 || status >= 500;
    },

    /** 1, 2, 4 ... minutes after the first, second, third failure, at most an hour. */
    _backoff: function (attempts) {
        return Math.min(60 * Math.pow(2, Math.min(attempts - 1, 20)), OpsflowOutboxSender.MAX_BACKOFF_SECONDS);
    },

    /** Retry-After in seconds; an HTTP date or anything else gives null (back-off then applies). */
    _seconds: function (header) {
        var text = header == null ? '' : String(header).replace(/^\s+|\s+$/g, '');
        return /^\d+$/.test(text) ? parseInt(text, 10) : null;
    },

    _limit: function (text) {
        return text.length > 1000 ? text.substring(0, 1000) : text;
    },

    type: 'OpsflowOutboxSender'
};
