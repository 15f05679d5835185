package io.opsflow.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import io.opsflow.api.InvalidInputException;
import io.opsflow.api.NotFoundException;
import io.opsflow.azure.LogAnalyticsQueries;
import io.opsflow.azure.MonitorMetrics;
import io.opsflow.azure.MonitoredResource;
import io.opsflow.azure.ResourceGraphInventory;
import io.opsflow.azure.ResourceHealthHistory;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.validation.FieldProblem;

/**
 * Collects a customer's service figures for a month from Azure and keeps them, so that the report
 * never asks Azure again: the monitored resources from Resource Graph, then per resource Resource
 * Health, Azure Monitor metrics and Log Analytics, all through the customer's own ARM credential.
 * <p>
 * Everything is read before anything is written, and the month is then replaced as a whole: a
 * throttled or unavailable Azure ({@code ArmThrottledException}, {@code ArmUnavailableException})
 * propagates, the job is retried, and the month keeps what it had. Re-collecting replaces the month.
 * A month still running is collected up to now.
 */
@Service
public class ServiceFigureCollection {

    private static final Logger log = LoggerFactory.getLogger(ServiceFigureCollection.class);

    private final CustomerRegistry customers;
    private final ResourceGraphInventory inventory;
    private final MonitorMetrics metrics;
    private final ResourceHealthHistory health;
    private final LogAnalyticsQueries logs;
    private final ServiceFigureStore store;
    private final ZoneId zone;
    private final Clock clock;

    @Autowired
    ServiceFigureCollection(CustomerRegistry customers, ResourceGraphInventory inventory, MonitorMetrics metrics,
                            ResourceHealthHistory health, LogAnalyticsQueries logs, ServiceFigureStore store,
                            @Value("${opsflow.reports.time-zone:Asia/Tokyo}") ZoneId zone) {
        this(customers, inventory, metrics, health, logs, store, zone, Clock.systemUTC());
    }

    ServiceFigureCollection(CustomerRegistry customers, ResourceGraphInventory inventory, MonitorMetrics metrics,
                            ResourceHealthHistory health, LogAnalyticsQueries logs, ServiceFigureStore store, ZoneId zone,
                            Clock clock) {
        this.customers = customers;
        this.inventory = inventory;
        this.metrics = metrics;
        this.health = health;
        this.logs = logs;
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    public void collect(String customerId, YearMonth month) {
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new NotFoundException("No customer '" + customerId + "' in the registry"));
        Instant now = clock.instant();
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        if (!from.isBefore(now)) {
            throw new InvalidInputException("Month not started", List.of(new FieldProblem("month", month + " has not started yet")));
        }
        Instant to = end.isBefore(now) ? end : now;
        List<MonitoredResource> resources = inventory.monitoredResources(customer);
        List<String> workspaces = resources.stream().filter(r -> r.kind() == MonitoredResource.Kind.LOG_ANALYTICS_WORKSPACE)
                .map(MonitoredResource::id).toList();
        ServiceFigureReading reading = new ServiceFigureReading(customer, from, to, workspaces, metrics, health, logs);
        List<ServiceFigureStore.Collected> collected = resources.stream()
                .filter(r -> r.kind() != MonitoredResource.Kind.LOG_ANALYTICS_WORKSPACE).map(reading::read).toList();
        store.replace(customerId, month, now, collected);
        log.info("Collected the service figures of customer '{}' for {}: {} resources", customerId, month, collected.size());
    }
}
