package io.opsflow.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mozilla.javascript.EvaluatorException;

class Es5Test {

    @TempDir
    Path dir;

    @Test
    void scriptsSeeTheStandInsAndShareOneScope() throws Exception {
        List<String> logged = new ArrayList<>();
        Path first = Files.writeString(dir.resolve("a.js"), "var greeting = '障害 ' + host.name();");
        Path second = Files.writeString(dir.resolve("b.js"), "log.add(greeting); JSON.stringify({n: log.size()});");

        Object result = Es5.run(Map.of("host", new Host("web01"), "log", logged), first, second);

        assertThat(logged).containsExactly("障害 web01");
        assertThat(result).isEqualTo("{\"n\":1}");
    }

    @Test
    void es6ClassesAreRefusedAsOnTheServers() throws Exception {
        Path script = Files.writeString(dir.resolve("c.js"), "class Problem {}");

        assertThatThrownBy(() -> Es5.run(Map.of(), script)).isInstanceOf(EvaluatorException.class);
    }

    public record Host(String name) {
    }
}
