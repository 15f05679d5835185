package io.opsflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.junit.jupiter.api.AfterEach;
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
    @Autowired
    IdentityService identityService;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

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
        // The engine clock stands still, so "right after the failure" does not depend on how fast
        // this machine sends the next request.
        Date failedAt = new Date();
        ClockUtil.setCurrentTime(failedAt);
        assertThat(basic("sec-locked", "wrong", "192.0.2.1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Camunda's brake, shared by the cluster through the database: after a failure even the
        // right password waits (1 s here, doubling up to 60 s).
        UserEntity user = (UserEntity) identityService.createUserQuery().userId("sec-locked").singleResult();
        assertThat(user.getAttempts()).isEqualTo(1);
        assertThat(user.getLockExpirationTime()).isEqualTo(new Date(failedAt.getTime() + 1000));
        assertThat(basic("sec-locked", TestIdentities.PASSWORD, "192.0.2.1").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void repeatedFailuresOfOneUserAreThrottledNotLockedForGood() {
        identities.user("sec-throttled", List.of(Roles.OPERATORS_GROUP), List.of());
        for (int i = 0; i < 5; i++) {
            assertThat(basic("sec-throttled", "wrong-" + i, "192.0.2.10" + i).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        // Camunda's own delay has passed: only opsflow's throttle stands between the right password and a login.
        awaitCamundaDelay("sec-throttled");
        ResponseEntity<String> throttled = basic("sec-throttled", TestIdentities.PASSWORD, "192.0.2.20");
        assertThat(throttled.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(throttled.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(throttled.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 300L);
        assertThat(throttled.getBody()).contains("Too many failed sign-ins").contains("Try again in");
        assertThat(webappLogin("sec-throttled", TestIdentities.PASSWORD, "192.0.2.21").getStatusCode())
                .as("the webapps' login shares the throttle").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // The right password was not even checked (a check would have reset Camunda's failure count),
        // and Camunda's lock-out never becomes permanent.
        assertThat(((UserEntity) identityService.createUserQuery().userId("sec-throttled").singleResult()).getAttempts())
                .isPositive();
        assertThat(identityService.checkPassword("sec-throttled", TestIdentities.PASSWORD)).isTrue();
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledForEveryUser() {
        for (int i = 0; i < 20; i++) {
            webappLogin("sec-sprayed-" + i, "Wrong-Guess-" + i, "198.51.100.77");
        }
        ResponseEntity<String> login = webappLogin("admin", OpsflowSpringTest.ADMIN_PASSWORD, "198.51.100.77");
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(login.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(basic("admin", OpsflowSpringTest.ADMIN_PASSWORD, "198.51.100.77").getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(basic("admin", OpsflowSpringTest.ADMIN_PASSWORD, "198.51.100.78").getStatusCode())
                .as("the administrator from elsewhere").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aSuccessfulLoginClearsTheUsersFailures() {
        identities.user("sec-forgetful", List.of(Roles.OPERATORS_GROUP), List.of());
        // Three failures, then the right password, twice: without the reset the sixth attempt would be a 429.
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 3; i++) {
                assertThat(webappLogin("sec-forgetful", "Wrong-Guess-" + i, "192.0.2.5" + round).getStatusCode())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }
            awaitCamundaDelay("sec-forgetful");
            assertThat(webappLogin("sec-forgetful", TestIdentities.PASSWORD, "192.0.2.5" + round).getStatusCode())
                    .as("round %d", round).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void noCallerMayTestAnotherUsersPassword() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> verify = rest.withBasicAuth("admin", OpsflowSpringTest.ADMIN_PASSWORD).exchange(
                "/engine-rest/identity/verify", HttpMethod.POST,
                new HttpEntity<>("{\"username\":\"sec-operator\",\"password\":\"x\"}", headers), String.class);
        assertThat(verify.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void sessionCookiesAreHttpOnlyLaxAndSecureOnlyOverHttps() {
        List<String> plain = cookies(new HttpHeaders());
        assertThat(plain).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c -> assertThat(c)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContainIgnoringCase("Secure"));
        assertThat(plain).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement()
                .satisfies(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));

        HttpHeaders behindTls = new HttpHeaders();
        behindTls.add("X-Forwarded-Proto", "https");
        List<String> secure = cookies(behindTls);
        assertThat(secure).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement().satisfies(c -> assertThat(c)
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("; Secure"));
        assertThat(secure).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement()
                .satisfies(c -> assertThat(c).containsIgnoringCase("; Secure"));
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

    private ResponseEntity<String> webappLogin(String user, String password) {
        return webappLogin(user, password, "127.0.0.1");
    }

    /** Logs in as the Tasklist page does, from {@code clientAddress} as nginx would forward it. */
    private ResponseEntity<String> webappLogin(String user, String password, String clientAddress) {
        ResponseEntity<String> page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
        String token = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';'))).findFirst().orElseThrow();
        String session = page.getHeaders().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-XSRF-TOKEN", token);
        headers.add(HttpHeaders.COOKIE, session + "; XSRF-TOKEN=" + token);
        headers.add("X-Forwarded-For", clientAddress);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        return rest.exchange("/camunda/api/admin/auth/user/default/login/tasklist", HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> basic(String user, String password, String clientAddress) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.add("X-Forwarded-For", clientAddress);
        return rest.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private List<String> cookies(HttpHeaders headers) {
        return rest.exchange("/camunda/app/tasklist/default/", HttpMethod.GET, new HttpEntity<>(headers), String.class)
                .getHeaders().get(HttpHeaders.SET_COOKIE);
    }

    /** Waits out Camunda's own short delay after a failure (it would refuse even the right password). */
    private void awaitCamundaDelay(String userId) {
        UserEntity user = (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
        long wait = user.getLockExpirationTime() == null ? 0 : user.getLockExpirationTime().getTime() - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
