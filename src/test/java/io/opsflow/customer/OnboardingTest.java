package io.opsflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The onboarding store on the application's own migration (H2). */
class OnboardingTest {

    static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
    JdbcTemplate jdbc;
    Onboarding onboarding;

    @BeforeEach
    void table() throws IOException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:onboarding-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V11__customer_onboarding.sql"), StandardCharsets.UTF_8));
        onboarding = new Onboarding(jdbc, new ObjectMapper().registerModule(new JavaTimeModule()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCustomerRegisteredBeforeOnboardingWasRecordedIsLive() {
        assertThat(onboarding.live("acme")).isTrue();
        assertThat(onboarding.agreed("acme")).isEmpty();
    }

    @Test
    void aCustomerIsOnboardingFromTheIntakeUntilGoLiveAndKeepsTheAgreedDesign() {
        onboarding.begin("kiwami");
        assertThat(onboarding.live("kiwami")).isFalse();

        var sla = Map.of("P1", new Customer.SlaTarget(Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(4)));
        onboarding.agree("kiwami", new Onboarding.AgreedDesign("監視項目,対象\n", "csv", sla, "月次で定例報告", NOW));
        onboarding.agree("kiwami", new Onboarding.AgreedDesign("監視項目,対象,種別\n", "csv", sla, "月次で定例報告", NOW.plusSeconds(60)));
        Onboarding.AgreedDesign agreed = onboarding.agreed("kiwami").orElseThrow();
        assertThat(agreed.monitoringItems()).as("the later agreement replaces the earlier").isEqualTo("監視項目,対象,種別\n");
        assertThat(agreed.pendingSla()).isEqualTo(sla);
        assertThat(agreed.agreedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(onboarding.live("kiwami")).isFalse();

        onboarding.goLive("kiwami");
        onboarding.goLive("kiwami");
        assertThat(onboarding.live("kiwami")).isTrue();
        assertThat(onboarding.liveSince("kiwami")).contains(NOW);
    }

    @Test
    void aSecondHandoverOfALiveCustomerDoesNotSilenceItsAlerts() {
        onboarding.goLive("acme");
        onboarding.begin("acme");
        assertThat(onboarding.live("acme")).isTrue();
        onboarding.agree("globex", new Onboarding.AgreedDesign("監視項目\n", "csv", Map.of(), null, NOW));
        assertThat(onboarding.live("globex")).as("registered without the intake, so already in operation").isTrue();
        assertThat(onboarding.agreed("globex")).isPresent();
    }
}
