package io.opsflow.zabbix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The media type exports an administrator imports (5.0 XML, 6.0 YAML) carry the tested script, the
 * same parameters and a message template for problems, recoveries and updates.
 */
class ZabbixMediaTypeExportTest {

    static final Path XML = Path.of("docs/zabbix/opsflow-media-type-5.0.xml");
    static final Path YAML = Path.of("docs/zabbix/opsflow-media-type-6.0.yaml");

    @Test
    void bothExportsCarryTheTestedScript() throws Exception {
        String script = Files.readString(ZabbixServer.MEDIA_TYPE_SCRIPT);

        assertThat(text(xml().getDocumentElement(), "script")).isEqualTo(script);
        assertThat(yaml().get("script")).isEqualTo(script);
    }

    @Test
    void bothExportsSendTheParametersOpsflowReadsAndTheDocsList() throws Exception {
        Map<String, String> parameters = xmlParameters();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> yamlParameters = (List<Map<String, String>>) yaml().get("parameters");
        Map<String, String> fromYaml = new LinkedHashMap<>();
        yamlParameters.forEach(p -> fromYaml.put(p.get("name"), p.get("value")));

        assertThat(fromYaml).isEqualTo(parameters);
        assertThat(parameters).containsEntry("event_id", "{EVENT.ID}").containsEntry("event_value", "{EVENT.VALUE}")
                .containsEntry("event_nseverity", "{EVENT.NSEVERITY}").containsEntry("event_update_status", "{EVENT.UPDATE.STATUS}")
                .containsEntry("event_recovery_id", "{EVENT.RECOVERY.ID}").containsEntry("trigger_hostgroups", "{TRIGGER.HOSTGROUP.NAME}")
                .containsEntry("opsflow_token", "{$OPSFLOW.TOKEN}").containsEntry("opsflow_customer", "{$OPSFLOW.CUSTOMER}");
        String docs = Files.readString(Path.of("docs/zabbix-media-type.md"));
        parameters.forEach((name, value) -> assertThat(docs).as(name).contains("| `" + name + "` | `" + value + "` |"));
    }

    @Test
    void problemsRecoveriesAndUpdatesEachHaveATemplateAlike() throws Exception {
        Map<String, String> fromXml = new LinkedHashMap<>();
        NodeList templates = xml().getElementsByTagName("message_template");
        for (int i = 0; i < templates.getLength(); i++) {
            Element t = (Element) templates.item(i);
            fromXml.put(text(t, "event_source") + "/" + text(t, "operation_mode"), text(t, "subject") + "\n" + text(t, "message"));
        }
        Map<String, String> fromYaml = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> yamlTemplates = (List<Map<String, String>>) yaml().get("message_templates");
        yamlTemplates.forEach(t -> fromYaml.put(t.get("event_source") + "/" + t.get("operation_mode"), t.get("subject") + "\n" + t.get("message")));

        assertThat(fromXml).containsOnlyKeys("TRIGGERS/PROBLEM", "TRIGGERS/RECOVERY", "TRIGGERS/UPDATE").isEqualTo(fromYaml);
        assertThat(fromXml.get("TRIGGERS/UPDATE")).contains("{EVENT.UPDATE.MESSAGE}");
    }

    private static Document xml() throws Exception {
        try (InputStream in = Files.newInputStream(XML)) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }

    private static Map<String, String> xmlParameters() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        NodeList list = xml().getElementsByTagName("parameter");
        for (int i = 0; i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            parameters.put(text(p, "name"), text(p, "value"));
        }
        return parameters;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml() throws Exception {
        try (InputStream in = Files.newInputStream(YAML)) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> export = (Map<String, Object>) root.get("zabbix_export");
            assertThat(export.get("version")).isEqualTo("6.0");
            return ((List<Map<String, Object>>) export.get("media_types")).get(0);
        }
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent();
    }
}
