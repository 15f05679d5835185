package io.opsflow.zabbix;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * A Zabbix 3.0 configuration export of the design, for servers opsflow cannot reach: the operator
 * imports it under Configuration → Templates → Import and links each template to its host. The shape
 * is 3.0's export ({@code zabbix_export} version 3.0: {@code groups}, {@code templates} with their
 * {@code items}, and {@code triggers} at the top, whose expressions name template and key); see
 * {@code src/test/resources/zabbix-api/README.md}.
 *
 * <p>One template per host ({@code opsflow <customer> <host>}) rather than the host itself: 3.0 imports
 * items only for hosts the import also updates, and updating a host from a file sets its visible name,
 * groups, proxy and encryption to the file's, which opsflow does not know. A new template touches no host
 * until the operator links it. 3.0 knows no tags, so the customer and the item are written in the
 * trigger's comments. Items are Zabbix agent (active) checks: a template has no interface to poll through.
 */
final class ZabbixImportFile {

    /** Item type Zabbix agent (active). */
    static final String ACTIVE_AGENT = "7";
    /** Value type numeric (float): a threshold compares numbers, and a float item takes integers too. */
    static final String NUMERIC_FLOAT = "0";
    /** The group every 3.0 installation keeps its templates in. */
    static final String TEMPLATES_GROUP = "Templates";

    private ZabbixImportFile() {
    }

    /** The template that carries {@code host}'s items of the customer. */
    static String template(Customer customer, String host) {
        return "opsflow " + customer.id() + " " + host;
    }

    static byte[] write(Customer customer, List<ZabbixDesign> designs) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("zabbix_export");
            doc.appendChild(root);
            text(root, "version", "3.0");
            text(root, "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            text(child(child(root, "groups"), "group"), "name", TEMPLATES_GROUP);
            Messages.Texts texts = Messages.standalone(Messages.locale(customer.locale()));
            Map<String, List<ZabbixDesign>> byHost = new LinkedHashMap<>();
            designs.forEach(d -> byHost.computeIfAbsent(d.host(), h -> new ArrayList<>()).add(d));
            Element templates = child(root, "templates");
            byHost.forEach((host, ofHost) -> template(templates, customer, host, ofHost, texts));
            Element triggers = child(root, "triggers");
            designs.forEach(d -> trigger(triggers, customer, d, texts));
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("The JDK's XML support failed to write a Zabbix import file", e);
        }
    }

    private static void template(Element templates, Customer customer, String host, List<ZabbixDesign> designs,
                                 Messages.Texts texts) {
        Element template = child(templates, "template");
        String name = template(customer, host);
        text(template, "template", name);
        text(template, "name", name);
        text(template, "description", texts.text("zabbix.import.templateDescription", host, customer.id()));
        text(child(child(template, "groups"), "group"), "name", TEMPLATES_GROUP);
        child(template, "applications");
        Element items = child(template, "items");
        List<String> keys = new ArrayList<>();
        for (ZabbixDesign d : designs) {
            if (!keys.contains(d.key())) {
                keys.add(d.key());
                item(items, d);
            }
        }
        for (String empty : List.of("discovery_rules", "macros", "templates", "screens")) {
            child(template, empty);
        }
    }

    /** Every tag of a 3.0 item export: the 3.0 importer's validator requires most of them, empty or not. */
    private static void item(Element items, ZabbixDesign d) {
        Element item = child(items, "item");
        text(item, "name", d.itemName());
        text(item, "type", ACTIVE_AGENT);
        text(item, "snmp_community", "");
        text(item, "multiplier", "0");
        text(item, "snmp_oid", "");
        text(item, "key", d.key());
        // 3.0 takes the update interval as seconds, without a suffix.
        text(item, "delay", String.valueOf(d.delay().toSeconds()));
        text(item, "history", "90");
        text(item, "trends", "365");
        text(item, "status", "0");
        text(item, "value_type", NUMERIC_FLOAT);
        for (String empty : List.of("allowed_hosts", "units")) {
            text(item, empty, "");
        }
        text(item, "delta", "0");
        text(item, "snmpv3_contextname", "");
        text(item, "snmpv3_securityname", "");
        text(item, "snmpv3_securitylevel", "0");
        text(item, "snmpv3_authprotocol", "0");
        text(item, "snmpv3_authpassphrase", "");
        text(item, "snmpv3_privprotocol", "0");
        text(item, "snmpv3_privpassphrase", "");
        text(item, "formula", "1");
        for (String empty : List.of("delay_flex", "params", "ipmi_sensor")) {
            text(item, empty, "");
        }
        text(item, "data_type", "0");
        text(item, "authtype", "0");
        for (String empty : List.of("username", "password", "publickey", "privatekey", "port", "description")) {
            text(item, empty, "");
        }
        text(item, "inventory_link", "0");
        child(item, "applications");
        child(item, "valuemap");
        text(item, "logtimefmt", "");
    }

    private static void trigger(Element triggers, Customer customer, ZabbixDesign d, Messages.Texts texts) {
        Element trigger = child(triggers, "trigger");
        text(trigger, "expression", d.expression30(template(customer, d.host())));
        text(trigger, "name", d.triggerName());
        text(trigger, "url", d.url());
        text(trigger, "status", "0");
        text(trigger, "priority", String.valueOf(d.priority()));
        text(trigger, "description", texts.text("zabbix.import.triggerComment", ZabbixDesign.CUSTOMER_TAG, customer.id(),
                ZabbixDesign.ITEM_TAG, d.itemName()));
        text(trigger, "type", "0");
        child(trigger, "dependencies");
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElement(name);
        parent.appendChild(child);
        return child;
    }

    private static void text(Element parent, String name, String value) {
        child(parent, name).setTextContent(value);
    }

    private static byte[] serialize(Document doc) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, StandardCharsets.UTF_8.name());
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "4");
        // Written here, so that it stands on its own line as in Zabbix's own exports.
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
