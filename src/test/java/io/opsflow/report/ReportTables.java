package io.opsflow.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;

/** The projection's tables from the application's own migration, for engines built without Spring and Flyway. */
final class ReportTables {

    private ReportTables() {
    }

    static void create(JdbcTemplate jdbc) throws IOException {
        // Comments first: one of them holds a ';'.
        String script = Files.readString(Path.of("src/main/resources/db/migration/V6__reporting.sql")).lines()
                .filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        for (String statement : script.split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement.strip());
            }
        }
    }
}
