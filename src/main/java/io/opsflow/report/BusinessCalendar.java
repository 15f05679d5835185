package io.opsflow.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The MSP's business days: not a weekend, not a Japanese public holiday (the Cabinet Office's
 * {@code syukujitsu.csv}, see {@code calendar/README.md}), not one of {@code opsflow.reports.closed-days}
 * (month-day, default the New Year bank holidays 12-31, 01-02, 01-03). Past the last year the file
 * lists, holidays are unknown: that is logged, never guessed.
 */
@Component
public class BusinessCalendar {

    private static final Logger log = LoggerFactory.getLogger(BusinessCalendar.class);
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("uuuu/M/d");

    private final Map<LocalDate, String> holidays;
    private final List<MonthDay> closedDays;
    private final int lastYear;

    @Autowired
    BusinessCalendar(@Value("${opsflow.reports.holidays:classpath:calendar/syukujitsu.csv}") Resource holidays,
                     @Value("${opsflow.reports.closed-days:12-31,01-02,01-03}") List<String> closedDays) {
        this(read(holidays), closedDays.stream().filter(d -> !d.isBlank()).map(d -> MonthDay.parse("--" + d.trim())).toList());
    }

    BusinessCalendar(Map<LocalDate, String> holidays, List<MonthDay> closedDays) {
        if (holidays.isEmpty()) {
            throw new IllegalStateException("The holiday calendar lists no holiday: check opsflow.reports.holidays");
        }
        TreeMap<LocalDate, String> sorted = new TreeMap<>(holidays);
        this.holidays = Collections.unmodifiableMap(sorted);
        this.closedDays = List.copyOf(closedDays);
        this.lastYear = sorted.lastKey().getYear();
    }

    public boolean isBusinessDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || closedDays.contains(MonthDay.from(day))) {
            return false;
        }
        if (!covers(day.getYear())) {
            log.warn("The holiday calendar ends in {}: {} is treated as a business day. Update opsflow.reports.holidays "
                    + "(see calendar/README.md)", lastYear(), day);
        }
        return !holidays.containsKey(day);
    }

    public LocalDate firstBusinessDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The holiday's name (Japanese, as the Cabinet Office gives it), or null on other days. */
    public String holiday(LocalDate day) {
        return holidays.get(day);
    }

    public boolean covers(int year) {
        return year <= lastYear();
    }

    int lastYear() {
        return lastYear;
    }

    /** Reads the Cabinet Office's file as published (Shift_JIS) or converted to UTF-8. */
    static Map<LocalDate, String> read(Resource resource) {
        byte[] bytes;
        try (var in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the holiday calendar " + resource, e);
        }
        Map<LocalDate, String> holidays = new TreeMap<>();
        String[] lines = decode(bytes).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String[] cells = lines[i].split(",", 2);
            if (i == 0 && !cells[0].matches("\\d.*") || lines[i].isBlank()) {
                continue;
            }
            try {
                holidays.put(LocalDate.parse(cells[0].trim(), CSV_DATE), cells.length > 1 ? cells[1].trim() : "");
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("Line " + (i + 1) + " of " + resource + " is not 'yyyy/M/d,name': " + lines[i], e);
            }
        }
        return holidays;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString().replace("\uFEFF", "");
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("Shift_JIS"));
        }
    }
}
