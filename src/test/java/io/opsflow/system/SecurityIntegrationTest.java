package io.opsflow.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.TestIdentities;

@OpsflowSpringTest
class SecurityIntegrationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestIdentities identities;

    @Test
    void engineRestAndApiRequireALogin() {
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/api/customers", "/actuator/prometheus")) {
            ResponseEntity<String> response = rest.getForEntity(path, String.class);
            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("Basic");
        }
    }

    @Test
    void demoDemoDoesNotExist() {
        assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(webappLogin("demo", "demo").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminLogsInToTasklistAndEngineRest() {
        ResponseEntity<String> login = webappLogin("admin", OpsflowSpringTest.ADMIN_PASSWORD);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("\"userId\":\"admin\"").contains("tasklist").contains("cockpit");
        assertThat(rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD)
                .getForEntity("/engine-rest/process-definition?key=smoke-test", String.class).getBody())
                .contains("\"key\":\"smoke-test\"");
    }

    @Test
    void wrongPasswordIsRefusedAndDelaysTheNextAttempt() {
        identities.user("sec-locked", List.of(Roles.OPERATORS_GROUP), List.of());
        assertThat(rest.withBasicAuth("sec-locked", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // Camunda's brute-force protection: right after a failure even the right password waits.
        assertThat(rest.withBasicAuth("sec-locked", TestIdentities.PASSWORD).getForEntity("/engine-rest/task", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tasklistAnswersAndOperatorsMayUseTasklistButNotCockpit() {
        assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        identities.user("sec-operator", List.of(Roles.OPERATORS_GROUP), List.of());
        ResponseEntity<String> login = webappLogin("sec-operator", TestIdentities.PASSWORD);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("tasklist").doesNotContain("cockpit").doesNotContain("\"admin\"");
    }

    @Test
    void onlyAdministratorsManageCustomersAndOnlyManagersSeeMetrics() {
        identities.user("sec-manager", List.of(Roles.MANAGERS_GROUP), List.of());
        identities.user("sec-operator", List.of(Roles.OPERATORS_GROUP), List.of());
        ResponseEntity<String> denied = rest.withBasicAuth("sec-operator", TestIdentities.PASSWORD).getForEntity("/api/customers", String.class);
        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(denied.getBody()).contains("GET /api/customers");
        assertThat(rest.withBasicAuth("sec-manager", TestIdentities.PASSWORD).getForEntity("/api/customers", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth("sec-manager", TestIdentities.PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getBody()).contains("jvm_memory_used_bytes");
        assertThat(rest.withBasicAuth("sec-operator", TestIdentities.PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void healthIsPublicButItsDetailsAreNot() {
        ResponseEntity<String> anonymous = rest.getForEntity("/actuator/health", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getBody()).contains("\"status\":\"UP\"").doesNotContain("smokeTest");
        String detailed = rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD).getForObject("/actuator/health", String.class);
        assertThat(detailed).contains("\"smokeTest\":{\"status\":\"UP\"").contains("\"processEngine\"").contains("\"db\"");
        assertThat(rest.getForEntity("/actuator/health/readiness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Logs in as the Tasklist page does: fetch the page for the CSRF cookie, then post the form. */
    private ResponseEntity<String> webappLogin(String user, String password) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String token = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElseThrow();
        String session = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", token);
        headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + token);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }
}
