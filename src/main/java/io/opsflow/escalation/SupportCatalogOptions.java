package io.opsflow.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.azure.SupportCatalog;
import io.opsflow.customer.Customer;

/**
 * The live Support catalog as the preparation form's select options (Spin JSON variables, what a Camunda
 * Form's {@code valuesKey} reads), in the customer's language: Japanese customers get the Japanese catalog.
 */
@Component
class SupportCatalogOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SupportCatalog catalog;
    private final EscalationContext context;

    SupportCatalogOptions(SupportCatalog catalog, EscalationContext context) {
        this.catalog = catalog;
        this.context = context;
    }

    List<SupportCatalog.Service> services(Customer customer) {
        return catalog.services(customer, language(customer));
    }

    Object serviceOptions(List<SupportCatalog.Service> services) {
        List<Map<String, String>> options = new ArrayList<>();
        services.forEach(s -> options.add(Map.of("label", s.displayName(), "value", s.id())));
        return json(options);
    }

    /** The problem classifications of the service with that ARM id ({@code /providers/Microsoft.Support/services/{name}}). */
    Object classificationOptions(Customer customer, String serviceId) {
        List<Map<String, String>> options = new ArrayList<>();
        if (serviceId != null && !serviceId.isBlank()) {
            catalog.problemClassifications(customer, serviceId.substring(serviceId.lastIndexOf('/') + 1), language(customer))
                    .forEach(c -> options.add(Map.of("label", c.displayName(), "value", c.id())));
        }
        return json(options);
    }

    private Locale language(Customer customer) {
        return Locale.JAPANESE.getLanguage().equals(context.locale(customer).getLanguage()) ? Locale.JAPAN : Locale.US;
    }

    private static Object json(List<Map<String, String>> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Options of plain strings always serialise", e);
        }
    }
}
