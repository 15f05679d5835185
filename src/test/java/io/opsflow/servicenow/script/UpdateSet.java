package io.opsflow.servicenow.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/servicenow/opsflow-update-set.xml from the script files next to it: one retrieved
 * update set ({@code sys_remote_update_set}) with a {@code sys_update_xml} per record, in the
 * unload format an instance exports (payload = the record's own XML, escaped). sys_ids are derived
 * from the record names so the file only changes when its content does. Regenerate with
 * {@code mvn -o -q test -Dtest=UpdateSetTest -Dopsflow.updateSet.write=true}.
 */
final class UpdateSet {

    static final Path FILE = Glide.SCRIPTS.resolve("opsflow-update-set.xml");
    static final String NAME = "opsflow webhook outbox 1.0";
    static final String TABLE = "u_opsflow_outbox";
    /** The business rules' condition: opsflow's own writes (as its integration user) are not sent back. */
    static final String LOOP_GUARD = "String(current.getValue('sys_updated_by')) != String(gs.getProperty('opsflow.integration.user'))";
    private static final String WHEN = "2026-12-01 00:00:00";

    /** One record of the update set. */
    record Update(String table, String updateName, String type, String targetName, String recordXml) {
    }

    /** The script files and the records they go into: file name → record. */
    static Map<String, String> scripts() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("OpsflowWebhook.js", "sys_script_include:OpsflowWebhook");
        files.put("OpsflowOutboxSender.js", "sys_script_include:OpsflowOutboxSender");
        files.put("opsflow_webhook_incident.br.js", "sys_script:opsflow webhook incident");
        files.put("opsflow_webhook_sc_req_item.br.js", "sys_script:opsflow webhook sc_req_item");
        files.put("opsflow_outbox_sender.job.js", "sysauto_script:opsflow outbox sender");
        return files;
    }

    static List<Update> updates() throws IOException {
        List<Update> updates = new ArrayList<>();
        updates.add(table());
        for (String[] f : new String[][] {
                {"u_delivery_id", "Delivery id", "string", "40", ""},
                {"u_table", "Table", "string", "40", ""},
                {"u_document", "Document sys_id", "string", "32", ""},
                {"u_number", "Number", "string", "40", ""},
                {"u_sequence", "Sequence (sys_mod_count)", "integer", "40", ""},
                {"u_payload", "Payload", "string", "1000000", ""},
                {"u_state", "State (ready, sent, failed)", "string", "16", "ready"},
                {"u_attempts", "Attempts", "integer", "40", "0"},
                {"u_next_attempt_at", "Next attempt at", "glide_date_time", "40", ""},
                {"u_last_status", "Last HTTP status", "integer", "40", ""},
                {"u_last_error", "Last error", "string", "1000", ""}}) {
            updates.add(dictionary(TABLE, f[0], f[1], f[2], f[3], f[4]));
        }
        // Microsoft's ticket number on the incident (io.opsflow.escalation.SupportNotes), for lists and reports.
        updates.add(dictionary("incident", "u_microsoft_case", "Microsoft case", "string", "40", ""));
        updates.add(scriptInclude("OpsflowWebhook", "Builds opsflow's webhook payload at the change and stores it in the outbox."));
        updates.add(scriptInclude("OpsflowOutboxSender", "Signs and sends the outbox in order per record, with retries."));
        updates.add(businessRule("incident"));
        updates.add(businessRule("sc_req_item"));
        Map<String, String> job = new LinkedHashMap<>();
        job.put("name", "opsflow outbox sender");
        job.put("active", "true");
        job.put("run_type", "periodically");
        job.put("run_period", "1970-01-01 00:01:00");
        job.put("run_start", WHEN);
        job.put("conditional", "false");
        job.put("script", script("opsflow_outbox_sender.job.js"));
        updates.add(record("sysauto_script", "opsflow outbox sender", "Scheduled Script Execution", job));
        updates.add(property("opsflow.integration.user", "string", "svc_opsflow",
                "User name opsflow writes to ServiceNow with: its changes are not sent back to it."));
        updates.add(property("opsflow.webhook.url", "string", "https://opsflow.example.com/webhooks/servicenow",
                "opsflow's ServiceNow webhook endpoint."));
        updates.add(property("opsflow.webhook.mid_server", "string", "",
                "MID server name when opsflow is not reachable from the instance; empty: direct."));
        updates.add(property("opsflow.webhook.timeout_ms", "integer", "10000", "HTTP timeout of one delivery in milliseconds."));
        return updates;
    }

    static String xml() throws IOException {
        String setId = sysId("sys_remote_update_set:" + NAME);
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><unload unload_date=\"" + WHEN + "\">\n");
        out.append("<sys_remote_update_set action=\"INSERT_OR_UPDATE\">\n")
                .append("<application display_value=\"Global\">global</application>\n<application_name>Global</application_name>\n")
                .append("<application_scope>global</application_scope>\n")
                .append("<description>").append(escape("opsflow: after business rules on incident and sc_req_item, the outbox table "
                        + TABLE + ", its scheduled sender and properties, and the incident column u_microsoft_case. Create the private property opsflow.webhook.secret by hand "
                        + "(private properties are not carried by update sets). See docs/servicenow-webhook.md.")).append("</description>\n")
                .append("<name>").append(NAME).append("</name>\n<release_date/>\n<remote_sys_id>").append(setId).append("</remote_sys_id>\n")
                .append("<state>loaded</state>\n<sys_class_name>sys_remote_update_set</sys_class_name>\n")
                .append("<sys_created_by>admin</sys_created_by>\n<sys_created_on>").append(WHEN).append("</sys_created_on>\n")
                .append("<sys_id>").append(setId).append("</sys_id>\n<sys_mod_count>0</sys_mod_count>\n")
                .append("<sys_updated_by>admin</sys_updated_by>\n<sys_updated_on>").append(WHEN).append("</sys_updated_on>\n")
                .append("</sys_remote_update_set>\n");
        for (Update u : updates()) {
            String payload = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><record_update table=\"" + u.table() + "\">" + u.recordXml() + "</record_update>";
            out.append("<sys_update_xml action=\"INSERT_OR_UPDATE\">\n<action>INSERT_OR_UPDATE</action>\n")
                    .append("<application display_value=\"Global\">global</application>\n<category>customer</category>\n")
                    .append("<name>").append(escape(u.updateName())).append("</name>\n")
                    .append("<payload>").append(escape(payload)).append("</payload>\n")
                    .append("<remote_update_set display_value=\"").append(NAME).append("\">").append(setId).append("</remote_update_set>\n")
                    .append("<replace_on_upgrade>false</replace_on_upgrade>\n")
                    .append("<sys_id>").append(sysId("sys_update_xml:" + u.updateName())).append("</sys_id>\n")
                    .append("<table>").append(u.table().equals("sys_dictionary") ? u.targetName().substring(0, u.targetName().indexOf('.')) : "").append("</table>\n")
                    .append("<target_name>").append(escape(u.targetName())).append("</target_name>\n")
                    .append("<type>").append(u.type()).append("</type>\n<update_domain>global</update_domain>\n")
                    .append("</sys_update_xml>\n");
        }
        return out.append("</unload>\n").toString();
    }

    private static Update table() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", TABLE);
        fields.put("label", "opsflow outbox");
        fields.put("is_extendable", "false");
        fields.put("create_access_controls", "false");
        fields.put("access", "public");
        return record("sys_db_object", TABLE, "Table", fields);
    }

    private static Update dictionary(String table, String element, String label, String type, String maxLength, String defaultValue) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", table);
        fields.put("element", element);
        fields.put("column_label", label);
        fields.put("internal_type", type);
        fields.put("max_length", maxLength);
        fields.put("default_value", defaultValue);
        fields.put("active", "true");
        fields.put("mandatory", "false");
        String name = "sys_dictionary_" + table + "_" + element;
        StringBuilder xml = new StringBuilder("<sys_dictionary action=\"INSERT_OR_UPDATE\" element=\"" + element + "\" table=\"" + table + "\">");
        fields.forEach((k, v) -> xml.append(element(k, v)));
        xml.append(element("sys_id", sysId(name))).append(element("sys_update_name", name)).append("</sys_dictionary>");
        return new Update("sys_dictionary", name, "Dictionary", table + "." + element, xml.toString());
    }

    private static Update scriptInclude(String name, String description) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("api_name", "global." + name);
        fields.put("access", "package_private");
        fields.put("active", "true");
        fields.put("client_callable", "false");
        fields.put("description", description);
        fields.put("script", script(name + ".js"));
        return record("sys_script_include", name, "Script Include", fields);
    }

    private static Update businessRule(String table) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "opsflow webhook " + table);
        fields.put("collection", table);
        fields.put("when", "after");
        fields.put("order", "1000");
        fields.put("action_insert", "true");
        fields.put("action_update", "true");
        fields.put("action_delete", "false");
        fields.put("action_query", "false");
        fields.put("advanced", "true");
        fields.put("active", "true");
        fields.put("condition", LOOP_GUARD);
        fields.put("script", script("opsflow_webhook_" + table + ".br.js"));
        return record("sys_script", "opsflow webhook " + table, "Business Rule", fields);
    }

    private static Update property(String name, String type, String value, String description) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("type", type);
        fields.put("value", value);
        fields.put("description", description);
        fields.put("is_private", "false");
        fields.put("read_roles", "admin");
        fields.put("write_roles", "admin");
        return record("sys_properties", name, "System Property", fields);
    }

    private static Update record(String table, String key, String type, Map<String, String> fields) {
        String id = sysId(table + ":" + key);
        String updateName = table + "_" + id;
        StringBuilder xml = new StringBuilder("<" + table + " action=\"INSERT_OR_UPDATE\">");
        fields.forEach((k, v) -> xml.append(element(k, v)));
        xml.append(element("sys_class_name", table)).append(element("sys_id", id)).append(element("sys_update_name", updateName))
                .append("</").append(table).append(">");
        return new Update(table, updateName, type, key, xml.toString());
    }

    static String script(String file) throws IOException {
        return Files.readString(Glide.SCRIPTS.resolve(file), StandardCharsets.UTF_8);
    }

    private static String element(String name, String value) {
        return value.isEmpty() ? "<" + name + "/>" : "<" + name + ">" + escape(value) + "</" + name + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A stable 32-hex sys_id for a record name. */
    static String sysId(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(("opsflow:" + name).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
