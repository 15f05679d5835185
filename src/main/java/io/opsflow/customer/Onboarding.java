package io.opsflow.customer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a customer stands on its way into operation ({@code opsflow_customer_onboarding}): onboarding
 * from the intake to go-live, then live; and what the design handover's operations review agreed.
 * Until go-live the customer's alerts are tests: incidents are raised (the pre-operation test needs
 * them) but marked as tests, and nobody is paged.
 */
@Repository
public class Onboarding {

    /** What the operations review agreed; the SLA targets are the registry's only from go-live. */
    public record AgreedDesign(String monitoringItems, String monitoringItemsFormat, Map<String, Customer.SlaTarget> pendingSla,
                               String operationScenarios, Instant agreedAt) {
        public AgreedDesign {
            pendingSla = pendingSla == null ? Map.of() : Map.copyOf(pendingSla);
        }
    }

    private static final TypeReference<Map<String, Customer.SlaTarget>> SLA = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    Onboarding(JdbcTemplate jdbc, ObjectMapper json) {
        this(jdbc, json, Clock.systemUTC());
    }

    Onboarding(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The customer enters onboarding; a customer already live stays live (a second handover, say of a
     * redesigned monitoring, must not silence a running customer's alerts).
     */
    @Transactional
    public void begin(String customerId) {
        if (jdbc.update("update opsflow_customer_onboarding set updated_at = ? where customer_id = ?", now(), customerId) == 0) {
            jdbc.update("insert into opsflow_customer_onboarding (customer_id, stage, updated_at) values (?, 'onboarding', ?)",
                    customerId, now());
        }
    }

    /**
     * Keeps what the review agreed, replacing an earlier agreement. A customer without a row (registered
     * before onboarding was recorded, or through the registry API rather than the intake) is live and
     * stays live: a handover must not silence the alerts of a customer already in operation.
     */
    @Transactional
    public void agree(String customerId, AgreedDesign design) {
        if (jdbc.queryForList("select stage from opsflow_customer_onboarding where customer_id = ?", String.class, customerId).isEmpty()) {
            jdbc.update("insert into opsflow_customer_onboarding (customer_id, stage, live_at, updated_at) values (?, 'live', ?, ?)",
                    customerId, now(), now());
        }
        jdbc.update("update opsflow_customer_onboarding set monitoring_items = ?, monitoring_items_format = ?, pending_sla = ?,"
                        + " operation_scenarios = ?, agreed_at = ?, updated_at = ? where customer_id = ?",
                design.monitoringItems(), design.monitoringItemsFormat(), write(design.pendingSla()), design.operationScenarios(),
                Timestamp.from(design.agreedAt()), now(), customerId);
    }

    public Optional<AgreedDesign> agreed(String customerId) {
        return jdbc.query("select monitoring_items, monitoring_items_format, pending_sla, operation_scenarios, agreed_at"
                        + " from opsflow_customer_onboarding where customer_id = ? and agreed_at is not null",
                (rs, n) -> new AgreedDesign(rs.getString(1), rs.getString(2), read(rs.getString(3)), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), customerId).stream().findFirst();
    }

    /** Whether the customer's alerts page people: live, or registered before onboarding was recorded. */
    public boolean live(String customerId) {
        return jdbc.queryForList("select stage from opsflow_customer_onboarding where customer_id = ?", String.class, customerId)
                .stream().allMatch("live"::equals);
    }

    public Optional<Instant> liveSince(String customerId) {
        return jdbc.query("select live_at from opsflow_customer_onboarding where customer_id = ? and stage = 'live'",
                (rs, n) -> rs.getTimestamp(1).toInstant(), customerId).stream().findFirst();
    }

    /** The customer is live from now; a second call keeps the first time. */
    @Transactional
    public void goLive(String customerId) {
        begin(customerId);
        jdbc.update("update opsflow_customer_onboarding set stage = 'live', live_at = coalesce(live_at, ?), updated_at = ?"
                + " where customer_id = ?", now(), now(), customerId);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private String write(Map<String, Customer.SlaTarget> sla) {
        try {
            return json.writeValueAsString(sla);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("SLA targets cannot be written as JSON", e);
        }
    }

    private Map<String, Customer.SlaTarget> read(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, SLA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opsflow_customer_onboarding.pending_sla is not the JSON it wrote", e);
        }
    }
}
