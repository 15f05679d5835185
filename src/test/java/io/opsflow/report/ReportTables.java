package io.opsflow.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** The projection's tables from the application's own migrations, for engines built without Spring and Flyway. */
final class ReportTables {

    static final List<String> MIGRATIONS = List.of("V6__reporting.sql", "V7__report_read.sql", "V10__report_trend_summary.sql");

    private ReportTables() {
    }

    static void create(JdbcTemplate jdbc) throws IOException {
        for (String migration : MIGRATIONS) {
            // Comments first: one of them holds a ';'.
            String script = Files.readString(Path.of("src/main/resources/db/migration", migration)).lines()
                    .filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
            for (String statement : script.split(";")) {
                if (!statement.isBlank()) {
                    jdbc.execute(statement.strip());
                }
            }
        }
    }

    /** For a database kept between benchmark runs: the projection as the current migrations make it. */
    static void drop(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists opsflow_report_fact");
        jdbc.execute("drop table if exists opsflow_report_item");
    }
}
