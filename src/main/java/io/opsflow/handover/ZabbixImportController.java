package io.opsflow.handover;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.opsflow.api.NotFoundException;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.customer.Onboarding;
import io.opsflow.zabbix.ZabbixMonitoring;

/**
 * {@code GET /api/handovers/{customerId}/zabbix-import.xml}: the agreed design's Zabbix items and
 * triggers as a Zabbix 3.0 import file, for the operator who imports it where opsflow has no
 * Zabbix API. For administrators and the customer's operators and design team.
 */
@RestController
class ZabbixImportController {

    private final DesignHandovers handovers;
    private final CustomerRegistry customers;
    private final Onboarding onboarding;
    private final ZabbixMonitoring zabbix;

    ZabbixImportController(DesignHandovers handovers, CustomerRegistry customers, Onboarding onboarding, ZabbixMonitoring zabbix) {
        this.handovers = handovers;
        this.customers = customers;
        this.onboarding = onboarding;
        this.zabbix = zabbix;
    }

    @GetMapping("/api/handovers/{customerId}/zabbix-import.xml")
    ResponseEntity<byte[]> importFile(@PathVariable String customerId, Authentication caller) {
        handovers.checkWorksFor(caller, customerId);
        Customer customer = customers.find(customerId).orElseThrow(() -> new NotFoundException("No customer '" + customerId + "'"));
        Onboarding.AgreedDesign design = onboarding.agreed(customerId)
                .orElseThrow(() -> new NotFoundException("No agreed monitoring design for '" + customerId + "'"));
        byte[] file = zabbix.importFile3_0(customer, AgreedItems.parse(design.monitoringItems(), design.monitoringItemsFormat()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("zabbix-import-" + customerId + ".xml").build().toString())
                .body(file);
    }
}
