package io.opsflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedH2SettingsTest {

    @Test
    void anEmbeddedH2UrlGetsTheSettingsAndAFileDatabaseALargerCache() {
        assertThat(EmbeddedH2Settings.withSettings("jdbc:h2:file:/tmp/opsflow/db"))
                .isEqualTo("jdbc:h2:file:/tmp/opsflow/db;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;CACHE_SIZE=131072");
        assertThat(EmbeddedH2Settings.withSettings("jdbc:h2:mem:opsflow;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:opsflow;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0");
    }

    @Test
    void settingsTheUrlNamesAreKept() {
        assertThat(EmbeddedH2Settings.withSettings("jdbc:h2:file:./data/opsflow;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1;cache_size=4096"))
                .isEqualTo("jdbc:h2:file:./data/opsflow;db_close_on_exit=TRUE;TRACE_LEVEL_FILE=1;cache_size=4096");
        assertThat(EmbeddedH2Settings.withSettings("jdbc:h2:file:./data/opsflow;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0"))
                .isEqualTo("jdbc:h2:file:./data/opsflow;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;CACHE_SIZE=131072");
    }

    @Test
    void anH2ServerOrAnotherDatabaseIsLeftAlone() {
        assertThat(EmbeddedH2Settings.withSettings("jdbc:h2:tcp://localhost:9092/opsflow")).isEqualTo("jdbc:h2:tcp://localhost:9092/opsflow");
        assertThat(EmbeddedH2Settings.withSettings("jdbc:postgresql://db:5432/opsflow")).isEqualTo("jdbc:postgresql://db:5432/opsflow");
    }
}
