package io.opsflow.report;

import java.util.Arrays;
import java.util.List;

import io.opsflow.azure.MonitoredResource;

/**
 * The service figures, each defined in {@link MonthlyReport.ServiceResource}, and which kind of resource
 * has which. {@code key} is the name in the JSON, the database and the message keys
 * ({@code report.services.figure.<key>}).
 */
enum ServiceFigure {
    AVAILABILITY("availability", Unit.SHARE),
    CPU_P95("cpuP95", Unit.PERCENT),
    REQUESTS("requests", Unit.COUNT),
    HTTP_5XX("http5xx", Unit.COUNT),
    HTTP_5XX_RATE("http5xxRate", Unit.SHARE),
    DTU_PEAK("dtuPeak", Unit.PERCENT),
    CPU_PEAK("cpuPeak", Unit.PERCENT),
    SESSIONS("sessions", Unit.COUNT),
    DISTINCT_USERS("distinctUsers", Unit.COUNT);

    /** A share is a fraction (0.998, shown 99.80 %); a percent is what Azure measures in % (42.5). */
    enum Unit { SHARE, PERCENT, COUNT }

    final String key;
    final Unit unit;

    ServiceFigure(String key, Unit unit) {
        this.key = key;
        this.unit = unit;
    }

    static ServiceFigure of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service figure " + key));
    }

    /** The figures of a kind, in report order. */
    static List<ServiceFigure> of(MonitoredResource.Kind kind) {
        return switch (kind) {
            case VIRTUAL_MACHINE -> List.of(AVAILABILITY, CPU_P95);
            case APP_SERVICE -> List.of(AVAILABILITY, REQUESTS, HTTP_5XX, HTTP_5XX_RATE);
            case SQL_DATABASE -> List.of(AVAILABILITY, DTU_PEAK, CPU_PEAK);
            case AVD_HOST_POOL -> List.of(SESSIONS, DISTINCT_USERS);
            case LOG_ANALYTICS_WORKSPACE -> List.of();
        };
    }

    /** The kind's name in the report ({@code virtualMachine}). */
    static String kindName(MonitoredResource.Kind kind) {
        return switch (kind) {
            case VIRTUAL_MACHINE -> "virtualMachine";
            case APP_SERVICE -> "appService";
            case SQL_DATABASE -> "sqlDatabase";
            case AVD_HOST_POOL -> "avdHostPool";
            case LOG_ANALYTICS_WORKSPACE -> "logAnalyticsWorkspace";
        };
    }
}
