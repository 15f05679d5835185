package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.opsflow.OpsflowSpringTest;

/**
 * The running application serves opsflow's files for the Camunda webapps in place of (or beside)
 * the webjar's: they are fetched before login, so no credentials here.
 */
@OpsflowSpringTest
class WebappResourcesTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void tasklistServesTheJapaneseLocale() {
        ResponseEntity<String> ja = rest.getForEntity("/camunda/app/tasklist/locales/ja.json", String.class);
        assertThat(ja.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ja.getBody()).contains("\"CLAIM_TASK\": \"引き受ける\"").contains("\"ASSIGNEE\": \"担当者\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configOffersJapaneseUnderOpsflowsName(String app) {
        ResponseEntity<String> config = rest.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("vendor: 'opsflow'")
                .contains("availableLocales: ['ja', 'en']").contains("fallbackLocale: 'en'")
                .contains("customScripts: ['../opsflow/date-locale']");
        assertThat(rest.getForEntity("/camunda/app/" + app + "/locales/ja.json", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theScriptThatMakesDatesJapaneseIsServedWhereTheConfigsPointTo() {
        ResponseEntity<String> script = rest.getForEntity("/camunda/app/opsflow/date-locale.js", String.class);
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(script.getBody()).contains("moment.locale(language)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void camunda8MigrationBannerIsHidden(String app) {
        assertThat(rest.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class).getBody())
                .contains(".ce-eol-banner {\n  display: none;");
    }
}
