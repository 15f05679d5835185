package io.opsflow.catalog;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One ServiceNow catalog item and how opsflow fulfils it: the shape of a
 * {@code processes/catalog/items/*.yaml} file (documented field by field in {@code docs/catalog.md}).
 *
 * @param id                   slug, the definition's own id (the file name without {@code .yaml})
 * @param name                 the ServiceNow catalog item's name ({@code cat_item_name})
 * @param sysId                the ServiceNow catalog item's sys_id ({@code cat_item})
 * @param runbook              the Azure Automation runbook that fulfils it
 * @param labels               what operators and approvers see, Japanese and English
 * @param parameters           runbook parameter name → where its value comes from and what it may be
 * @param approval             whether and by whom the request is approved before it runs
 * @param fulfilmentTimeout    how long the runbook job may take before an operator is asked
 * @param failureOpensIncident whether a failed fulfilment also opens an incident
 * @param targets              the resources the request changes, as the approval form shows them
 */
public record CatalogDefinition(
        String id,
        String name,
        String sysId,
        String runbook,
        Texts labels,
        Map<String, Parameter> parameters,
        Approval approval,
        Duration fulfilmentTimeout,
        Boolean failureOpensIncident,
        List<Target> targets) {

    public CatalogDefinition {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    public boolean approvalRequired() {
        return approval != null && Boolean.TRUE.equals(approval.required());
    }

    /** A Japanese and an English text. */
    public record Texts(String ja, String en) {

        /** The English text for an English reader, else the Japanese one (as {@link io.opsflow.messages.Messages#locale}). */
        public String in(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? en : ja;
        }
    }

    /**
     * One runbook parameter.
     *
     * @param variable     the RITM variable that carries its value
     * @param type         one of {@link ParameterType}'s names ({@code vmName}, {@code cidr}, …)
     * @param required     an empty or missing variable is a problem (default false)
     * @param allowed      the values an {@code enum} or {@code sku} may take
     * @param pattern      a regular expression the whole (normalised) value must match
     * @param min          lowest number, shortest length or shortest CIDR prefix, by type
     * @param max          highest number, longest length or longest CIDR prefix, by type
     * @param defaultValue used when the variable is empty; absent: the parameter is left out
     * @param description  what the value is, for the approval form and the runbook's help
     */
    public record Parameter(
            String variable,
            String type,
            Boolean required,
            List<String> allowed,
            String pattern,
            Long min,
            Long max,
            @JsonProperty("default") String defaultValue,
            Texts description) {

        public Parameter {
            allowed = allowed == null ? List.of() : List.copyOf(allowed);
        }

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    /**
     * @param required whether an approval is needed before the runbook runs
     * @param group    the Camunda group whose members approve
     * @param deadline how long approvers have before it escalates (ISO-8601 duration)
     * @param reminder when approvers are reminded, counted from the task's creation
     */
    public record Approval(Boolean required, String group, Duration deadline, Duration reminder) {
    }

    /**
     * A resource the request changes, as the approval form shows it. Each field names a parameter.
     *
     * @param kind          what it is ({@link TargetKind})
     * @param name          the parameter holding its name
     * @param parent        the parameter holding the resource it belongs to (SQL server, host pool, NSG)
     * @param resourceGroup the parameter holding its resource group
     * @param subscription  the parameter holding its subscription
     */
    public record Target(String kind, String name, String parent, String resourceGroup, String subscription) {
    }
}
