package io.opsflow.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Rendering rules that the contract example does not exercise: escaping, cutting, omitting. */
class BlockKitTest {

    @Test
    void theContractExampleIsRenderedExactly() {
        assertThat((JsonNode) BlockKit.payload(SlackContracts.alert())).isEqualTo(SlackContracts.expectedAlertPayload());
    }

    @Test
    void ampersandAndAngleBracketsAreEscapedInMrkdwnSoTextCannotMentionOrLink() {
        SlackMessage message = new SlackMessage("CPU > 90% & <!channel>", "A < B & C", List.of(
                new SlackMessage.Field("R&D <team>", "x > y"),
                new SlackMessage.Field("link", "a|b > c", "https://example.test/q?a=1&b=<2>|x")),
                "*太字* & <https://evil.test|click>", "ctx <@U123>", null);

        JsonNode payload = BlockKit.payload(message);

        assertThat(payload.path("text").asText()).isEqualTo("CPU &gt; 90% &amp; &lt;!channel&gt;");
        // plain_text is shown literally by Slack: nothing to escape.
        assertThat(payload.at("/blocks/0/text/text").asText()).isEqualTo("A < B & C");
        assertThat(payload.at("/blocks/1/fields/0/text").asText()).isEqualTo("*R&amp;D &lt;team&gt;:*\nx &gt; y");
        assertThat(payload.at("/blocks/1/fields/1/text").asText())
                .isEqualTo("*link:*\n<https://example.test/q?a=1&b=%3C2%3E%7Cx|a|b &gt; c>");
        assertThat(payload.at("/blocks/2/text/text").asText())
                .isEqualTo("*太字* &amp; &lt;https://evil.test|click&gt;");
        assertThat(payload.at("/blocks/3/elements/0/text").asText()).isEqualTo("ctx &lt;@U123&gt;");
    }

    @Test
    void onlyTheTextIsSentWhenNothingElseIsGiven() {
        JsonNode payload = BlockKit.payload(new SlackMessage("テスト通知", null, null, " ", null, null));

        assertThat(payload.toString()).isEqualTo("{\"text\":\"テスト通知\"}");
    }

    @Test
    void longTextsAreCutToSlacksLimitsWithAnEllipsis() {
        String japanese = "障".repeat(5000);
        List<SlackMessage.Field> fields = IntStream.range(0, 10)
                .mapToObj(i -> new SlackMessage.Field("項目" + i, japanese)).toList();
        JsonNode payload = BlockKit.payload(new SlackMessage(japanese, japanese, fields, japanese, japanese,
                new SlackMessage.Link(japanese.substring(0, 100), "https://example.test")));

        assertThat(payload.path("text").asText()).hasSize(BlockKit.TEXT_MAX).endsWith("障…");
        assertThat(payload.at("/blocks/0/text/text").asText()).hasSize(150).endsWith("障…");
        assertThat(payload.at("/blocks/1/fields")).hasSize(10);
        payload.at("/blocks/1/fields").forEach(field ->
                assertThat(field.path("text").asText()).hasSize(2000).endsWith("障…"));
        assertThat(payload.at("/blocks/2/text/text").asText()).hasSize(3000);
        assertThat(payload.at("/blocks/3/elements/0/text").asText()).hasSize(BlockKit.CONTEXT_MAX);
        assertThat(payload.at("/blocks/4/elements/0/text/text").asText()).hasSize(75);
    }

    @Test
    void cutsNeverSplitASurrogatePair() {
        // 149 ASCII characters then emoji: the 150th unit is a high surrogate.
        String header = "x".repeat(148) + "🔥🔥🔥";

        String cut = BlockKit.fit(header, 150, false);

        assertThat(cut).isEqualTo("x".repeat(148) + "…");
        assertThat(BlockKit.fit("x".repeat(147) + "🔥🔥🔥", 150, false)).isEqualTo("x".repeat(147) + "🔥…");
        assertThat(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).isTrue();
    }

    @Test
    void cutsNeverSplitAnEscape() {
        String cut = BlockKit.mrkdwn("&".repeat(1000), 3000);

        assertThat(cut).hasSizeLessThanOrEqualTo(3000).endsWith("&amp;…");
        assertThat(cut.replace("&amp;", "")).isEqualTo("…");
    }

    @Test
    void aLinkThatDoesNotFitIsShownAsPlainValue() {
        String longUrl = "https://example.test/" + "a".repeat(2100);
        JsonNode payload = BlockKit.payload(new SlackMessage("t", null,
                List.of(new SlackMessage.Field("インシデント", "INC0010042", longUrl)), null, null, null));

        assertThat(payload.at("/blocks/0/fields/0/text").asText()).isEqualTo("*インシデント:*\nINC0010042");
    }

    @Test
    void messagesWithoutTextOrWithTooManyFieldsAreRefused() {
        assertThatThrownBy(() -> new SlackMessage(" ", "h", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlackMessage("t", null,
                Collections.nCopies(11, new SlackMessage.Field("a", "b")), null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10");
    }
}
