package io.opsflow.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The monthly reports as issued ({@code opsflow_report_archive}): each rendered PDF and what became of it. */
@Repository
public class ReportArchive {

    public enum Status {
        DRAFT, SENT, ARCHIVED, WITHHELD;

        /** As stored and as the API shows it: lower case. */
        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One issued version, without its bytes. */
    public record Entry(String id, String customerId, YearMonth month, String language, Status status, Instant createdAt,
                        String reviewedBy, Instant reviewedAt, String reviewComment, String serviceNowAttachment, String fileName) {
    }

    private static final String COLUMNS = "id, customer_id, report_month, language, status, created_at, reviewed_by, reviewed_at,"
            + " review_comment, servicenow_attachment, file_name";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    ReportArchive(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    ReportArchive(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Keeps a newly rendered version; its file name says customer, month and version, for ServiceNow. */
    public Entry add(String customerId, YearMonth month, String language, String processInstanceId, byte[] pdf) {
        String id = UUID.randomUUID().toString();
        Integer earlier = jdbc.queryForObject("select count(*) from opsflow_report_archive where customer_id = ? and report_month = ?",
                Integer.class, customerId, month.toString());
        String fileName = "opsflow-report-" + customerId + "-" + month + "-v" + (earlier + 1) + ".pdf";
        jdbc.update("insert into opsflow_report_archive (id, customer_id, report_month, language, status, process_instance_id,"
                + " created_at, file_name, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, customerId, month.toString(), language,
                Status.DRAFT.value(), processInstanceId, Timestamp.from(clock.instant()), fileName, pdf);
        return find(id).orElseThrow();
    }

    /** The reviewed version replaces the draft's bytes (it carries the reviewer's comment). */
    public void review(String id, String reviewer, String comment, byte[] pdf, Status status) {
        jdbc.update("update opsflow_report_archive set reviewed_by = ?, reviewed_at = ?, review_comment = ?, pdf = ?, status = ?"
                + " where id = ?", reviewer, Timestamp.from(clock.instant()), comment, pdf, status.value(), id);
    }

    public void sent(String id, String attachmentSysId) {
        jdbc.update("update opsflow_report_archive set status = ?, servicenow_attachment = ? where id = ?",
                Status.SENT.value(), attachmentSysId, id);
    }

    public Optional<Entry> find(String id) {
        return jdbc.query("select " + COLUMNS + " from opsflow_report_archive where id = ?", ENTRY, id).stream().findFirst();
    }

    public List<Entry> of(String customerId) {
        return jdbc.query("select " + COLUMNS + " from opsflow_report_archive where customer_id = ?"
                + " order by report_month desc, created_at desc", ENTRY, customerId);
    }

    public Optional<byte[]> pdf(String id) {
        return jdbc.query("select pdf from opsflow_report_archive where id = ?", (rs, n) -> rs.getBytes(1), id).stream().findFirst();
    }

    private static final RowMapper<Entry> ENTRY = (rs, n) -> new Entry(rs.getString(1), rs.getString(2), YearMonth.parse(rs.getString(3)),
            rs.getString(4), Status.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)), instant(rs.getTimestamp(6)), rs.getString(7),
            instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10), rs.getString(11));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
