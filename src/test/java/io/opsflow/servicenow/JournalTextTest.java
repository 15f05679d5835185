package io.opsflow.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JournalTextTest {

    @Test
    void theHeaderGetJournalEntryWritesIsRemovedInEitherLanguage() {
        assertThat(JournalText.body("2026-11-24 02:03:11 - Hanako Sato (Additional comments)\n[MS] Still failing.\nSecond line\n\n"))
                .isEqualTo("[MS] Still failing.\nSecond line");
        assertThat(JournalText.body("2026/11/24 11:03:11 - 佐藤 花子 (作業メモ)\r\n[MS] 再起動後も同じエラーです。\n\n"))
                .isEqualTo("[MS] 再起動後も同じエラーです。");
        assertThat(JournalText.body("2026-11-24 02:03:11 - 佐藤 花子（追加コメント）\n本文")).isEqualTo("本文");
    }

    @Test
    void textWithoutAHeaderIsKeptWhole() {
        assertThat(JournalText.body("[MS] 2026-11-24 - 再起動 (2 回目)\n結果")).isEqualTo("[MS] 2026-11-24 - 再起動 (2 回目)\n結果");
        assertThat(JournalText.body("  ただのメモ  ")).isEqualTo("ただのメモ");
        assertThat(JournalText.body(null)).isNull();
    }
}
