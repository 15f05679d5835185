package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.opsflow.engine.EmbeddedH2Settings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One customer's month over a large history (default 1,000,000 instances, {@code -Dbench.instances}),
 * on an H2 file and on embedded PostgreSQL 17: the history is generated straight into Camunda's
 * tables ({@link ReportHistoryGenerator}), the projection rebuilt from it (timed), then the same
 * customer-months are read from the projection and, the naive way, from the history tables
 * ({@link HistoryReportItems}). Both must give equal figures; the table gives p50/p95 of each and
 * their ratio. Run with {@code mvn -q -Pbenchmark test -Dtest=ReportBenchmark}; writes
 * {@code target/benchmark/report.md}. Generating a million instances takes minutes per database:
 * {@code -Dbench.dir=<directory>} keeps both databases there and generates only into an empty one
 * (the projection is still dropped, created and rebuilt each run, unless {@code -Dbench.rebuild=false}); {@code -Dbench.databases=H2}
 * measures one.
 */
@Tag("benchmark")
class ReportBenchmark {

    static final int INSTANCES = Integer.getInteger("bench.instances", 1_000_000);
    static final int CUSTOMERS = 50;
    static final int MONTHS = 36;
    static final YearMonth LAST = YearMonth.of(2026, 11);
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final int SAMPLES = Integer.getInteger("bench.samples", 20);
    static final int RUNS = Integer.getInteger("bench.runs", 3);
    static final String DIR = System.getProperty("bench.dir");
    static final List<String> DATABASES = List.of(System.getProperty("bench.databases", "H2,PostgreSQL").split(","));
    /** false: read the projection an earlier run of the same migrations rebuilt in {@link #DIR}, for repeated read timings. */
    static final boolean REBUILD = Boolean.parseBoolean(System.getProperty("bench.rebuild", "true"));

    @TempDir
    Path tempDir;

    private final List<String> rows = new ArrayList<>();

    @Test
    void monthOverAMillionInstances() throws Exception {
        Path dir = DIR == null ? tempDir : Path.of(DIR).toAbsolutePath();
        if (DATABASES.contains("H2")) {
            // The settings the application gives its embedded H2 (its page cache above all).
            measure("H2", EmbeddedH2Settings.withSettings("jdbc:h2:file:" + dir.resolve("h2/report")), "sa", "");
        }
        if (DATABASES.contains("PostgreSQL")) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
            if (DIR != null) {
                builder.setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false);
            }
            try (EmbeddedPostgres postgres = builder.start()) {
                measure("PostgreSQL", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
            }
        }
        String table = "| database | instances | generate | rebuild | projection p50 | projection p95 | history p50 | history p95 | p95 ratio |\n"
                + "|---|---|---|---|---|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/report.md"), table);
        System.out.println(table);
    }

    private void measure(String database, String url, String user, String password) throws Exception {
        // The engine only creates its tables; closed before the bulk writes, which go through plain connections.
        schema(url, user, password).close();
        // One connection in auto-commit for everything (the engine's pool hands them out without it), as a
        // pooled application would read: no connection set-up in the timings.
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, user, password, true);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        if (REBUILD) {
            ReportTables.drop(jdbc);
            ReportTables.create(jdbc);
        }
        long t0 = System.nanoTime();
        int kept = jdbc.queryForObject("select count(*) from ACT_HI_PROCINST", Integer.class);
        if (kept == 0) {
            new ReportHistoryGenerator(CUSTOMERS, MONTHS, LAST, TOKYO).generate(dataSource, INSTANCES);
        } else {
            assertThat(kept).as("instances kept in %s from an earlier run", DIR).isEqualTo(INSTANCES);
        }
        long t1 = System.nanoTime();
        int rebuilt = REBUILD ? new ReportRebuild(jdbc).rebuild()
                : jdbc.queryForObject("select count(*) from opsflow_report_item", Integer.class);
        long t2 = System.nanoTime();
        assertThat(rebuilt).isEqualTo(INSTANCES);

        Clock clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
        MonthlyReports projection = new MonthlyReports(new ReportItems(jdbc), TOKYO, clock);
        MonthlyReports history = new MonthlyReports(new HistoryReportItems(jdbc), TOKYO, clock);
        Random random = new Random(7);
        List<String> customers = new ArrayList<>();
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            customers.add(ReportHistoryGenerator.customer(random.nextInt(CUSTOMERS)));
            months.add(LAST.minusMonths(random.nextInt(12)));
        }
        // Warm-up, and the check that both ways give the same figures.
        for (int i = 0; i < SAMPLES; i++) {
            assertThat(projection.of(customers.get(i), months.get(i))).isEqualTo(history.of(customers.get(i), months.get(i)));
        }
        List<Double> fromProjection = new ArrayList<>();
        List<Double> fromHistory = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            for (int i = 0; i < SAMPLES; i++) {
                fromProjection.add(millis(projection, customers.get(i), months.get(i)));
                fromHistory.add(millis(history, customers.get(i), months.get(i)));
            }
        }
        rows.add(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.1f |", database,
                INSTANCES, kept == 0 ? String.format(Locale.ROOT, "%.0f s", (t1 - t0) / 1e9) : "kept", REBUILD ? String.format(Locale.ROOT, "%.0f s", (t2 - t1) / 1e9) : "kept", percentile(fromProjection, 0.5), percentile(fromProjection, 0.95),
                percentile(fromHistory, 0.5), percentile(fromHistory, 0.95),
                percentile(fromHistory, 0.95) / percentile(fromProjection, 0.95)));
        dataSource.destroy();
    }

    private static double millis(MonthlyReports reports, String customer, YearMonth month) {
        long start = System.nanoTime();
        reports.of(customer, month);
        return (System.nanoTime() - start) / 1e6;
    }

    private static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max((int) Math.ceil(p * sorted.size()), 1) - 1);
    }

    /** Camunda's own tables, created the way the application creates them. */
    private static ProcessEngine schema(String url, String user, String password) {
        ProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration()
                .setJdbcUrl(url).setJdbcUsername(user).setJdbcPassword(password)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false)
                .setProcessEngineName("report-benchmark-" + System.nanoTime());
        return configuration.buildProcessEngine();
    }
}
