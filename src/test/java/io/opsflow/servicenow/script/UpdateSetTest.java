package io.opsflow.servicenow.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The update set an administrator imports carries exactly the scripts the other tests run. */
class UpdateSetTest {

    @Test
    void theCommittedUpdateSetIsTheOneGeneratedFromTheScripts() throws Exception {
        String generated = UpdateSet.xml();
        if (Boolean.getBoolean("opsflow.updateSet.write")) {
            Files.writeString(UpdateSet.FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(UpdateSet.FILE, StandardCharsets.UTF_8))
                .as("regenerate with -Dopsflow.updateSet.write=true").isEqualTo(generated);
    }

    @Test
    void everyScriptInTheUpdateSetEqualsItsFile() throws Exception {
        Map<String, Element> records = records();
        UpdateSet.scripts().forEach((file, record) -> {
            Element found = records.get(record);
            assertThat(found).as(record).isNotNull();
            try {
                assertThat(text(found, "script")).as(file).isEqualTo(UpdateSet.script(file));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theRulesRunAfterInsertAndUpdateTheJobEveryMinuteAndNoSecretTravels() throws Exception {
        Map<String, Element> records = records();
        for (String table : List.of("incident", "sc_req_item")) {
            Element rule = records.get("sys_script:opsflow webhook " + table);
            assertThat(text(rule, "collection")).isEqualTo(table);
            assertThat(text(rule, "when")).isEqualTo("after");
            assertThat(List.of(text(rule, "action_insert"), text(rule, "action_update"), text(rule, "active"))).containsOnly("true");
        }
        assertThat(text(records.get("sysauto_script:opsflow outbox sender"), "run_period")).isEqualTo("1970-01-01 00:01:00");
        List<String> columns = new ArrayList<>();
        records.forEach((key, r) -> {
            if (key.startsWith("sys_dictionary:")) {
                columns.add(text(r, "element"));
            }
        });
        assertThat(columns).contains("u_delivery_id", "u_document", "u_sequence", "u_payload", "u_state", "u_attempts",
                "u_next_attempt_at", "u_last_status", "u_last_error", "u_microsoft_case");
        assertThat(records.get("sys_dictionary:u_microsoft_case").getAttribute("table")).isEqualTo("incident");
        assertThat(records).doesNotContainKey("sys_properties:opsflow.webhook.secret");
        assertThat(Files.readString(UpdateSet.FILE)).doesNotContain("test-only-servicenow-webhook-secret");
    }

    @Test
    void theLoopGuardLetsPeopleThroughAndStopsOpsflowsOwnWrites() throws Exception {
        String condition = text(records().get("sys_script:opsflow webhook incident"), "condition");
        assertThat(condition).isEqualTo(UpdateSet.LOOP_GUARD);
        assertThat(guardPasses(condition, "hanako.sato")).isTrue();
        assertThat(guardPasses(condition, "svc_opsflow")).isFalse();
    }

    private static boolean guardPasses(String condition, String updatedBy) throws IOException {
        Glide servicenow = new Glide("http://127.0.0.1:9/none", "s");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("sys_id", "1");
        values.put("sys_updated_by", updatedBy);
        Map<String, Object> globals = new HashMap<>();
        globals.put("current", ChangedRecord.inserted("incident", values, Map.of(), Map.of()));
        java.nio.file.Path script = Files.createTempFile("condition", ".js");
        try {
            Files.writeString(script, condition);
            return (Boolean) servicenow.run(globals, script);
        } finally {
            Files.delete(script);
        }
    }

    /** The records of the update set by "table:name", each parsed from its escaped payload. */
    private static Map<String, Element> records() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document unload = factory.newDocumentBuilder().parse(UpdateSet.FILE.toFile());
        NodeList updates = unload.getElementsByTagName("sys_update_xml");
        Map<String, Element> records = new LinkedHashMap<>();
        for (int i = 0; i < updates.getLength(); i++) {
            String payload = text((Element) updates.item(i), "payload");
            Document update = factory.newDocumentBuilder().parse(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
            Element root = update.getDocumentElement();
            String table = root.getAttribute("table");
            Element record = (Element) root.getElementsByTagName(table).item(0);
            String key = table.equals("sys_dictionary") ? record.getAttribute("element") : text(record, "name");
            records.put(table + ":" + key, record);
        }
        return records;
    }

    private static String text(Element parent, String child) {
        NodeList nodes = parent.getElementsByTagName(child);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
