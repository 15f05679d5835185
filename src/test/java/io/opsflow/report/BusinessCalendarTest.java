package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** First business days against the Cabinet Office's calendar, as a Japanese MSP counts them. */
class BusinessCalendarTest {

    final BusinessCalendar calendar = new BusinessCalendar(new ClassPathResource("calendar/syukujitsu.csv"), List.of("12-31", "01-02", "01-03"));

    @Test
    void weekendsHolidaysSubstituteHolidaysAndTheNewYearAreNotBusinessDays() {
        assertThat(calendar.firstBusinessDay(YearMonth.of(2027, 1))).as("Fri 1 New Year's Day, weekend").isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(calendar.firstBusinessDay(YearMonth.of(2026, 1))).as("Thu 1, Fri 2 bank holiday, weekend").isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(calendar.firstBusinessDay(YearMonth.of(2026, 11))).as("Sun 1").isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(calendar.firstBusinessDay(YearMonth.of(2026, 5))).as("Fri 1").isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(calendar.firstBusinessDay(YearMonth.of(2019, 5))).as("the 2019 enthronement holidays, 1 to 6 May")
                .isEqualTo(LocalDate.of(2019, 5, 7));
        assertThat(calendar.firstBusinessDay(YearMonth.of(2027, 3))).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(calendar.isBusinessDay(LocalDate.of(2027, 3, 22))).as("substitute holiday for Sun 21 March").isFalse();
        assertThat(calendar.holiday(LocalDate.of(2026, 9, 22))).isEqualTo("休日");
        assertThat(calendar.holiday(LocalDate.of(2026, 11, 23))).isEqualTo("勤労感謝の日");
    }

    @Test
    void theFileIsReadAsTheCabinetOfficePublishesItInShiftJis() {
        byte[] published = "国民の祝日・休日月日,国民の祝日・休日名称\r\n2028/1/1,元日\r\n2028/1/10,成人の日\r\n"
                .getBytes(Charset.forName("Shift_JIS"));
        BusinessCalendar next = new BusinessCalendar(new ByteArrayResource(published), List.of());
        assertThat(next.holiday(LocalDate.of(2028, 1, 10))).isEqualTo("成人の日");
        assertThat(next.covers(2028)).isTrue();
        assertThat(next.covers(2029)).isFalse();
    }

    @Test
    void beyondTheFileOnlyWeekendsAndClosedDaysCount() {
        assertThat(calendar.covers(2027)).isTrue();
        assertThat(calendar.covers(2028)).as("published each February for the next year").isFalse();
        assertThat(calendar.firstBusinessDay(YearMonth.of(2028, 1))).as("Sat 1, Sun 2, Mon 3 closed").isEqualTo(LocalDate.of(2028, 1, 4));
    }

    @Test
    void aBrokenLineIsNamed() {
        assertThatThrownBy(() -> new BusinessCalendar(new ByteArrayResource("date,name\n2028/13/1,x\n".getBytes()), List.of()))
                .hasMessageContaining("Line 2").hasMessageContaining("2028/13/1");
    }
}
