package io.opsflow.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The Support catalog (services, problem classifications) asked per language and kept a day. */
class SupportCatalogTest extends ArmWireMockTest {

    static final String SERVICES = "/providers/Microsoft.Support/services";
    static final String CLASSIFICATIONS = SERVICES + "/service_guid/problemClassifications";

    MovableClock clock = new MovableClock(Instant.parse("2026-11-24T02:00:00Z"));
    SupportCatalog catalog;

    @BeforeEach
    void operations() {
        catalog = new SupportCatalog(arm, clock);
        JsonNode english = contract("services-list.json").path("responses").path("200").path("body");
        ObjectNode japanese = english.deepCopy();
        ((ObjectNode) japanese.path("value").get(5).path("properties")).put("displayName", "Linux を実行している仮想マシン");
        wm.stubFor(get(urlPathEqualTo(SERVICES)).withHeader("Accept-Language", equalTo("ja-JP"))
                .withQueryParam("api-version", equalTo("2024-04-01")).willReturn(answer(200, japanese)));
        wm.stubFor(get(urlPathEqualTo(SERVICES)).withHeader("Accept-Language", equalTo("en-US"))
                .withQueryParam("api-version", equalTo("2024-04-01")).willReturn(answer(200, english)));
    }

    @Test
    void servicesAreAskedOncePerLanguageInThatLanguage() {
        List<SupportCatalog.Service> japanese = catalog.services(acme(), Locale.JAPAN);
        List<SupportCatalog.Service> again = catalog.services(acme(), Locale.JAPAN);

        wm.verify(1, getRequestedFor(urlPathEqualTo(SERVICES)));
        assertThat(again).isEqualTo(japanese);
        assertThat(japanese).hasSize(7);
        assertThat(japanese.get(5)).isEqualTo(new SupportCatalog.Service("/providers/Microsoft.Support/services/service_guid_6",
                "service_guid_6", "Linux を実行している仮想マシン",
                List.of("MICROSOFT.CLASSICCOMPUTE/VIRTUALMACHINES", "MICROSOFT.COMPUTE/VIRTUALMACHINES")));

        List<SupportCatalog.Service> english = catalog.services(acme(), Locale.US);

        wm.verify(1, getRequestedFor(urlPathEqualTo(SERVICES)).withHeader("Accept-Language", equalTo("en-US")));
        assertThat(english.get(5).displayName()).isEqualTo("Virtual Machine running Linux");
        assertThat(english.get(0).resourceTypes()).isEmpty();
    }

    @Test
    void aDayLaterTheCatalogIsAskedAgain() {
        catalog.services(acme(), Locale.JAPAN);
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        catalog.services(acme(), Locale.JAPAN);
        wm.verify(1, getRequestedFor(urlPathEqualTo(SERVICES)));

        clock.advance(Duration.ofMinutes(1));
        catalog.services(acme(), Locale.JAPAN);

        wm.verify(2, getRequestedFor(urlPathEqualTo(SERVICES)));
    }

    @Test
    void problemClassificationsAreAskedPerServiceAndLanguage() {
        wm.stubFor(get(urlPathEqualTo(CLASSIFICATIONS)).withHeader("Accept-Language", equalTo("ja-JP"))
                .willReturn(answer(200, contract("problem-classifications-list.json").path("responses").path("200").path("body"))));

        List<SupportCatalog.ProblemClassification> classifications = catalog.problemClassifications(acme(), "service_guid", Locale.JAPAN);
        catalog.problemClassifications(acme(), "service_guid", Locale.JAPAN);

        wm.verify(1, getRequestedFor(urlPathEqualTo(CLASSIFICATIONS)).withQueryParam("api-version", equalTo("2024-04-01")));
        assertThat(classifications).hasSize(4);
        assertThat(classifications.get(0)).isEqualTo(new SupportCatalog.ProblemClassification(
                "/providers/Microsoft.Support/services/service_guid/problemClassifications/problemClassification_guid_1",
                "problemClassification_guid_1", "Reservation Management / Exchanges and Refunds"));
    }

    static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
