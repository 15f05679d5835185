package io.opsflow.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A collected month of service figures with known values, for the PDF, CSV and page tests. */
final class ServiceFigureTexts {

    private ServiceFigureTexts() {
    }

    static MonthlyReport.Services services() {
        return new MonthlyReport.Services(true, Instant.parse("2026-12-01T01:00:00Z"), List.of(
                resource("app-acme-shop", "appService", null, "availability", null, "requests", 600.0, "http5xx", 6.0,
                        "http5xxRate", 0.01),
                resource("hp-acme", "avdHostPool", null, "sessions", 42.0, "distinctUsers", 7.0),
                resource("sales", "sqlDatabase", null, "availability", null, "dtuPeak", null, "cpuPeak", 80.25),
                resource("vm-acme-db01", "virtualMachine", "heartbeat", "availability", 0.5, "cpuP95", null),
                resource("vm-acme-web01", "virtualMachine", "resourceHealth", "availability", 714.0 / 720, "cpuP95", 19.0)));
    }

    /** The same month as the collection writes it: the 5xx rate is derived on reading, not kept. */
    static List<ServiceFigureStore.Collected> collected() {
        return services().resources().stream().map(r -> {
            Map<String, Double> values = new LinkedHashMap<>(r.figures());
            values.remove("http5xxRate");
            Map<String, String> sources = new LinkedHashMap<>();
            values.keySet().forEach(k -> sources.put(k, "availability".equals(k)
                    ? (r.availabilitySource() == null ? "resourceHealth" : r.availabilitySource()) : "metrics"));
            return new ServiceFigureStore.Collected(r.resourceId(), r.name(), r.kind(), values, sources);
        }).toList();
    }

    private static MonthlyReport.ServiceResource resource(String name, String kind, String source, Object... figures) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < figures.length; i += 2) {
            values.put((String) figures[i], (Double) figures[i + 1]);
        }
        return new MonthlyReport.ServiceResource("/subscriptions/s/resourceGroups/rg/providers/x/" + name, name, kind, source, values);
    }
}
