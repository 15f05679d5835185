package io.opsflow.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kept service figures ({@code opsflow_service_collection}, {@code opsflow_service_figure}): a
 * month is replaced as a whole in one transaction, so a report sees the old month or the new one,
 * never half of each.
 */
@Component
class ServiceFigureStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ServiceFigureStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** One resource's values as collected: figure key → value (null: no data) and where each came from. */
    record Collected(String resourceId, String name, String kind, Map<String, Double> values, Map<String, String> sources) {
    }

    void replace(String customerId, YearMonth month, Instant collectedAt, List<Collected> resources) {
        String m = month.toString();
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from opsflow_service_figure where customer_id = ? and report_month = ?", customerId, m);
            jdbc.update("delete from opsflow_service_collection where customer_id = ? and report_month = ?", customerId, m);
            jdbc.update("insert into opsflow_service_collection (customer_id, report_month, collected_at) values (?, ?, ?)",
                    customerId, m, Timestamp.from(collectedAt));
            List<Object[]> rows = new ArrayList<>();
            for (Collected r : resources) {
                r.values().forEach((figure, value) -> rows.add(new Object[] {customerId, m, r.resourceId(), r.name(), r.kind(),
                        figure, value, r.sources().get(figure)}));
            }
            jdbc.batchUpdate("insert into opsflow_service_figure (customer_id, report_month, resource_id, resource_name, resource_kind,"
                    + " figure, figure_value, source) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        });
    }

    MonthlyReport.Services read(String customerId, YearMonth month) {
        String m = month.toString();
        List<Timestamp> collected = jdbc.queryForList("select collected_at from opsflow_service_collection"
                + " where customer_id = ? and report_month = ?", Timestamp.class, customerId, m);
        if (collected.isEmpty()) {
            return MonthlyReport.Services.NOT_COLLECTED;
        }
        Map<String, Resource> resources = new LinkedHashMap<>();
        jdbc.query("select resource_id, resource_name, resource_kind, figure, figure_value, source from opsflow_service_figure"
                + " where customer_id = ? and report_month = ?", rs -> {
                    Resource r = resources.get(rs.getString(1));
                    if (r == null) {
                        r = new Resource(rs.getString(1), rs.getString(2), rs.getString(3));
                        resources.put(r.id, r);
                    }
                    double number = rs.getDouble(5);
                    // wasNull() speaks of the last column read: ask it right after figure_value.
                    Double value = rs.wasNull() ? null : number;
                    r.values.put(rs.getString(4), value);
                    r.sources.put(rs.getString(4), rs.getString(6));
                }, customerId, m);
        List<MonthlyReport.ServiceResource> list = resources.values().stream()
                .sorted(Comparator.comparing((Resource r) -> r.kind).thenComparing(r -> r.name).thenComparing(r -> r.id))
                .map(Resource::toReport).toList();
        return new MonthlyReport.Services(true, collected.get(0).toInstant(), list);
    }

    private static final class Resource {
        final String id;
        final String name;
        final String kind;
        final Map<String, Double> values = new LinkedHashMap<>();
        final Map<String, String> sources = new LinkedHashMap<>();

        Resource(String id, String name, String kind) {
            this.id = id;
            this.name = name;
            this.kind = kind;
        }

        /** Figures in {@link ServiceFigure} order; the 5xx rate is derived here, as it is defined. */
        MonthlyReport.ServiceResource toReport() {
            Map<String, Double> figures = new LinkedHashMap<>();
            for (ServiceFigure figure : ServiceFigure.values()) {
                if (figure == ServiceFigure.HTTP_5XX_RATE && values.containsKey(ServiceFigure.REQUESTS.key)) {
                    figures.put(figure.key, ServiceFigureMath.rate(values.get(ServiceFigure.HTTP_5XX.key),
                            values.get(ServiceFigure.REQUESTS.key)));
                } else if (values.containsKey(figure.key)) {
                    figures.put(figure.key, values.get(figure.key));
                }
            }
            String source = values.get(ServiceFigure.AVAILABILITY.key) == null ? null : sources.get(ServiceFigure.AVAILABILITY.key);
            return new MonthlyReport.ServiceResource(id, name, kind, source, Collections.unmodifiableMap(figures));
        }
    }
}
