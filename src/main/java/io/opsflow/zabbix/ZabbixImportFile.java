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
 * imports it under Configuration → Hosts → Import. The shape is 3.0's export ({@code zabbix_export}
 * version 3.0: {@code groups}, {@code hosts} with their {@code items}, and {@code triggers} at the top,
 * whose expressions name host and key); see {@code src/test/resources/zabbix-api/README.md}.
 *
 * <p>3.0 knows no tags, so the customer and the item are written in the trigger's comments, and the host
 * is put in the customer's host groups, by which opsflow's webhook attributes 3.0 problems. Items are
 * Zabbix agent (active) checks: an import cannot know the address of a host's agent interface.
 */
final class ZabbixImportFile {

    /** Item type Zabbix agent (active). */
    static final String ACTIVE_AGENT = "7";
    /** Value type numeric (float): a threshold compares numbers, and a float item takes integers too. */
    static final String NUMERIC_FLOAT = "0";

    private ZabbixImportFile() {
    }

    static byte[] write(Customer customer, List<ZabbixDesign> designs) {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElement("zabbix_export");
            doc.appendChild(root);
            text(root, "version", "3.0");
            text(root, "date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            List<String> groups = groups(customer);
            Element groupsElement = child(root, "groups");
            groups.forEach(g -> text(child(groupsElement, "group"), "name", g));
            Map<String, List<ZabbixDesign>> byHost = new LinkedHashMap<>();
            designs.forEach(d -> byHost.computeIfAbsent(d.host(), h -> new ArrayList<>()).add(d));
            Element hosts = child(root, "hosts");
            byHost.forEach((host, ofHost) -> host(hosts, host, groups, ofHost));
            Messages.Texts texts = Messages.standalone(Messages.locale(customer.locale()));
            Element triggers = child(root, "triggers");
            designs.forEach(d -> trigger(triggers, customer, d, texts));
            return serialize(doc);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("The JDK's XML support failed to write a Zabbix import file", e);
        }
    }

    private static List<String> groups(Customer customer) {
        List<String> groups = customer.zabbix() == null ? List.of() : customer.zabbix().hostGroups();
        return groups.isEmpty() ? List.of(customer.id()) : groups;
    }

    private static void host(Element hosts, String name, List<String> groups, List<ZabbixDesign> designs) {
        Element host = child(hosts, "host");
        text(host, "host", name);
        text(host, "name", name);
        text(host, "status", "0");
        Element hostGroups = child(host, "groups");
        groups.forEach(g -> text(child(hostGroups, "group"), "name", g));
        Element items = child(host, "items");
        List<String> keys = new ArrayList<>();
        for (ZabbixDesign d : designs) {
            if (keys.contains(d.key())) {
                continue;
            }
            keys.add(d.key());
            Element item = child(items, "item");
            text(item, "name", d.itemName());
            text(item, "type", ACTIVE_AGENT);
            text(item, "key", d.key());
            // 3.0 takes the update interval as seconds, without a suffix.
            text(item, "delay", String.valueOf(d.delay().toSeconds()));
            text(item, "history", "90");
            text(item, "trends", "365");
            text(item, "status", "0");
            text(item, "value_type", NUMERIC_FLOAT);
            child(item, "applications");
        }
    }

    private static void trigger(Element triggers, Customer customer, ZabbixDesign d, Messages.Texts texts) {
        Element trigger = child(triggers, "trigger");
        text(trigger, "expression", d.expression30());
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
        doc.setXmlStandalone(true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }
}
