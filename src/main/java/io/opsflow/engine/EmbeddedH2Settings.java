package io.opsflow.engine;

import java.util.Locale;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * Adds these settings to an embedded H2 URL (file or memory, not an H2 server) that does not name them:
 * <ul>
 * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2 otherwise closes the database from its own JVM shutdown
 * hook, which runs beside Spring's, so on every stop the job executor still polling met a closed
 * database and logged stack traces. The database now closes when Spring closes the pool, after the
 * engine and its job executor.</li>
 * <li>{@code TRACE_LEVEL_FILE=0}: H2 otherwise writes its own {@code *.trace.db} file next to the
 * database; its errors reach the log through the JDBC exceptions anyway.</li>
 * <li>{@code CACHE_SIZE=131072} (128 MB, file databases only; H2's default is 16 MB): H2 keeps rows in
 * the order they were written, so a customer's month of report items and facts is spread over
 * thousands of pages; with the default cache a report over years of history re-read most of them
 * from the file each time ({@code ReportBenchmark}).</li>
 * </ul>
 * Applied to whatever URL is configured (the default in {@code application.yaml} names both), so an
 * operator's {@code SPRING_DATASOURCE_URL=jdbc:h2:file:...} stops as cleanly.
 */
@Component
public class EmbeddedH2Settings implements BeanPostProcessor {

    /** In KB, as H2 counts it. */
    static final int FILE_CACHE_KB = 131_072;

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSourceProperties properties && properties.getUrl() != null) {
            properties.setUrl(withSettings(properties.getUrl()));
        }
        return bean;
    }

    public static String withSettings(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            return url;
        }
        String result = url;
        if (!lower.contains(";db_close_on_exit=")) {
            result += ";DB_CLOSE_ON_EXIT=FALSE";
        }
        if (!lower.contains(";trace_level_file=")) {
            result += ";TRACE_LEVEL_FILE=0";
        }
        if (!lower.startsWith("jdbc:h2:mem:") && !lower.contains(";cache_size=")) {
            result += ";CACHE_SIZE=" + FILE_CACHE_KB;
        }
        return result;
    }
}
