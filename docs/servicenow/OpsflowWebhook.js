/**
 * OpsflowWebhook (script include, global, not client callable).
 *
 * Called by the after business rules on incident and sc_req_item: builds opsflow's webhook payload
 * from current/previous at the moment of the change and stores it in the outbox. Nothing is sent
 * here: the scheduled job OpsflowOutboxSender signs and sends, retries and keeps the order.
 * An after (not async) rule is used because an async rule re-reads the record when it runs, so two
 * quick updates would both carry the second one's sys_mod_count and the first one's comment is lost.
 */
var OpsflowWebhook = Class.create();

OpsflowWebhook.OUTBOX = 'u_opsflow_outbox';

OpsflowWebhook.FIELDS = {
    incident: ['sys_id', 'number', 'state', 'impact', 'urgency', 'priority', 'short_description', 'description',
        'assignment_group', 'assigned_to', 'caller_id', 'company', 'cmdb_ci', 'category', 'subcategory',
        'close_code', 'close_notes', 'correlation_id', 'correlation_display', 'opened_at', 'resolved_at', 'active',
        'sys_updated_on', 'sys_updated_by', 'sys_mod_count'],
    sc_req_item: ['sys_id', 'number', 'request', 'cat_item', 'requested_for', 'opened_by', 'company',
        'short_description', 'description', 'stage', 'state', 'approval', 'sys_updated_on', 'sys_updated_by',
        'sys_mod_count']
};

OpsflowWebhook.DISPLAY = {
    incident: ['state', 'priority', 'assignment_group', 'assigned_to', 'caller_id', 'company', 'cmdb_ci'],
    sc_req_item: ['request', 'cat_item', 'requested_for', 'company', 'stage', 'state', 'approval']
};

/** Journal fields: they read back empty, so only changes() tells that this update added an entry. */
OpsflowWebhook.JOURNALS = ['comments', 'work_notes'];

OpsflowWebhook.prototype = {
    initialize: function () {
    },

    /** The payload of this change of current (previous is null on insert), as a plain object. */
    buildPayload: function (current, previous, table) {
        var fields = OpsflowWebhook.FIELDS[table];
        if (!fields) {
            throw new Error('OpsflowWebhook does not know table ' + table);
        }
        var record = {};
        var displayValues = {};
        var i;
        for (i = 0; i < fields.length; i++) {
            record[fields[i]] = this._text(current.getValue(fields[i]));
        }
        for (i = 0; i < OpsflowWebhook.DISPLAY[table].length; i++) {
            var name = OpsflowWebhook.DISPLAY[table][i];
            displayValues[name] = this._text(current.getDisplayValue(name));
        }
        record.latest_comment = this._text(current.getElement('comments').getJournalEntry(1));
        record.latest_work_note = this._text(current.getElement('work_notes').getJournalEntry(1));
        // On insert, previous may be null or an empty record depending on the caller: operation() decides.
        var created = previous == null || this._text(current.operation()) == 'insert';

        var payload = {
            event: {
                id: this._text(gs.generateGUID()),
                type: created ? 'created' : 'updated',
                table: table,
                instance: this._text(gs.getProperty('instance_name')),
                occurred_at: record.sys_updated_on,
                changed_fields: created ? [] : this._changedFields(current, fields)
            },
            record: record,
            display_values: displayValues
        };
        if (table == 'sc_req_item') {
            record.request_number = displayValues.request;
            record.cat_item_name = displayValues.cat_item;
            payload.variables = this._variables(current, displayValues);
        }
        return payload;
    },

    /** Stores one delivery in the outbox, ready to be sent; returns the outbox row's sys_id. */
    enqueue: function (payload) {
        var row = new GlideRecord(OpsflowWebhook.OUTBOX);
        row.initialize();
        row.setValue('u_delivery_id', payload.event.id);
        row.setValue('u_table', payload.event.table);
        row.setValue('u_document', payload.record.sys_id);
        row.setValue('u_number', payload.record.number);
        row.setValue('u_sequence', parseInt(payload.record.sys_mod_count, 10) || 0);
        // The exact string stored is the one signed and sent, on every attempt.
        row.setValue('u_payload', JSON.stringify(payload));
        row.setValue('u_state', 'ready');
        row.setValue('u_attempts', 0);
        row.setValue('u_next_attempt_at', new GlideDateTime().getValue());
        return row.insert();
    },

    /** Fields this update changed; the system's own sys_* fields always change and are left out. */
    _changedFields: function (current, fields) {
        var changed = [];
        var candidates = fields.concat(OpsflowWebhook.JOURNALS);
        for (var i = 0; i < candidates.length; i++) {
            var name = candidates[i];
            if (name.indexOf('sys_') !== 0 && current.getElement(name).changes()) {
                changed.push(name);
            }
        }
        return changed;
    },

    /** current.variables as name to value (strings, as the Table API gives them); labels into display values. */
    _variables: function (current, displayValues) {
        var values = {};
        for (var name in current.variables) {
            var variable = current.variables[name];
            var value = this._text(variable);
            values[name] = value;
            var display = this._text(variable.getDisplayValue());
            if (display !== value && !displayValues.hasOwnProperty(name)) {
                displayValues[name] = display;
            }
        }
        return values;
    },

    /** Glide getters may hand back Java strings, elements or null: the contract wants JavaScript strings. */
    _text: function (value) {
        return value == null ? '' : String(value);
    },

    type: 'OpsflowWebhook'
};
