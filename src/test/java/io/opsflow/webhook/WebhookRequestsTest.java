package io.opsflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;

class WebhookRequestsTest {

    @Test
    void aChunkedBodyWithoutContentLengthIsCutOffAfterTheLimit() {
        MockHttpServletRequest chunked = new MockHttpServletRequest("POST", "/webhooks/zabbix") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        chunked.setContentType("application/json");
        chunked.setContent(new byte[1025]);

        assertThatThrownBy(() -> WebhookRequests.readJsonBody(chunked, 1024))
                .isInstanceOfSatisfying(WebhookRejectedException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE));
    }

    @Test
    void aBodyOfExactlyTheLimitIsReadByteForByte() throws Exception {
        byte[] body = "{\"件名\":\"ディスク残量低下\"}".getBytes(StandardCharsets.UTF_8);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/webhooks/zabbix");
        request.setContentType("application/json; charset=UTF-8");
        request.setContent(body);

        assertThat(WebhookRequests.readJsonBody(request, body.length)).isEqualTo(body);
    }

    @Test
    void jsonMediaTypesAreAcceptedAndOthersAre415() throws Exception {
        for (String type : new String[] {"application/json", "application/json;charset=utf-8", "application/vnd.opsflow+json"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
            request.setContentType(type);
            request.setContent("{}".getBytes(StandardCharsets.UTF_8));
            assertThat(WebhookRequests.readJsonBody(request, 10)).hasSize(2);
        }
        for (String type : new String[] {null, "text/plain", "application/x-www-form-urlencoded", "not a type"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
            request.setContentType(type);
            request.setContent("{}".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> WebhookRequests.readJsonBody(request, 10))
                    .isInstanceOfSatisfying(WebhookRejectedException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    @Test
    void onlyAJsonObjectIsAPayload() {
        for (String body : new String[] {"", "[]", "\"text\"", "{} {}", "{\"a\":1"}) {
            assertThatThrownBy(() -> WebhookRequests.parseObject(Fixtures.JSON, body.getBytes(StandardCharsets.UTF_8)))
                    .as(body).isInstanceOfSatisfying(WebhookRejectedException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    @Test
    void secretsCompareExactly() {
        assertThat(WebhookRequests.sameSecret("s3cret", "s3cret")).isTrue();
        assertThat(WebhookRequests.sameSecret("s3cret", "s3cre")).isFalse();
        assertThat(WebhookRequests.sameSecret("s3cret", "s3cret ")).isFalse();
        assertThat(WebhookRequests.sameSecret("s3cret", "")).isFalse();
        assertThat(WebhookRequests.sameSecret("s3cret", null)).isFalse();
    }
}
