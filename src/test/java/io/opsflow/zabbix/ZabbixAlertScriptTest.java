package io.opsflow.zabbix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.incident.IncidentVariables;
import io.opsflow.scripts.RefusingProxy;

/**
 * The Zabbix 3.0 alert script run as Zabbix runs it: a process with an empty environment but
 * {@code LC_ALL=C} and a PATH of only {@link #TOOLS}, three arguments of UTF-8 bytes, sending through
 * a proxy that can refuse to opsflow's own {@code /webhooks/zabbix/demo}.
 */
@OpsflowSpringTest
class ZabbixAlertScriptTest {

    static final Path SCRIPT = Path.of("docs/zabbix/opsflow-alertscript.sh").toAbsolutePath();
    static final String TOKEN = "test-only-zabbix-token";
    /** What a minimal RHEL/CentOS 7 box has: a shell, awk, curl and coreutils; no Python, no jq. */
    static final List<String> TOOLS = List.of("sh", "awk", "curl", "cat", "date", "mkdir", "mv", "rm", "ls", "grep", "cut",
            "find", "head", "basename", "id", "sleep", "rmdir");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    RuntimeService runtime;
    @TempDir
    Path dir;

    RefusingProxy opsflow;
    Path spool;

    record Run(int exit, String output) {
    }

    @BeforeEach
    void zabbixServer() throws IOException {
        opsflow = new RefusingProxy("http://localhost:" + port);
        spool = dir.resolve("spool");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : TOOLS) {
            Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new IllegalStateException(tool + " is not installed"));
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        Files.writeString(dir.resolve("opsflow.curlrc"), "url = \"" + opsflow.url() + "/webhooks/zabbix/demo\"\n"
                + "header = \"Authorization: Bearer " + TOKEN + "\"\n");
    }

    @AfterEach
    void stop() {
        opsflow.close();
    }

    /** dash (Debian's sh, run by all tests) and bash (RHEL/CentOS 7's sh). */
    @ParameterizedTest
    @ValueSource(strings = {"dash", "bash"})
    void japaneseArgumentsArriveIntactUnderLcAllC(String shell) throws Exception {
        Path sh = dir.resolve("bin/sh");
        Files.delete(sh);
        Files.createSymbolicLink(sh, Path.of("/bin", shell));
        String eventId = shell.equals("dash") ? "3000101" : "3000102";
        String trigger = "本番Webサーバーの応答が5秒を超えています (" + shell + ")";
        String message = problem(eventId, trigger, "本番WEB01") + "\nitem: 応答時間 = 5.2 s\n\t\"引用\" \\ end";

        Run run = alert("opsflow", "PROBLEM: " + trigger, message);

        assertThat(run.exit()).as(run.output()).isZero();
        JsonNode sent = json.readTree(opsflow.exchanges().get(0).body());
        assertThat(sent.get("subject").asText()).isEqualTo("PROBLEM: " + trigger);
        assertThat(sent.get("message").asText()).isEqualTo(message);
        assertThat(opsflow.exchanges()).extracting(RefusingProxy.Exchange::status).containsExactly(202);
        assertThat(runtime.getVariable(instanceOf(eventId), IncidentVariables.RULE_NAME)).isEqualTo(trigger);
        assertThat(spooled()).isEmpty();
        assertThat(run.output()).doesNotContain(TOKEN);
    }

    @Test
    void aRefusedDeliveryIsSpooledByteForByteAndTheNextAlertSendsItFirstExactlyOnce() throws Exception {
        opsflow.refuseNext(503, null);

        Run refused = alert("opsflow", "PROBLEM: ディスク残量", problem("3000201", "ディスク残量が10%未満です", "本番DB02"));

        assertThat(refused.exit()).isEqualTo(75);
        assertThat(refused.output()).contains("HTTP 503").contains("opsflow is restarting").contains("resends it").doesNotContain(TOKEN);
        List<Path> files = spooled();
        assertThat(files).hasSize(1);
        byte[] kept = Files.readAllBytes(files.get(0));

        Run next = alert("opsflow", "PROBLEM: CPU", problem("3000202", "CPU使用率が90%を超えています", "本番DB02"));

        assertThat(next.exit()).as(next.output()).isZero();
        assertThat(opsflow.exchanges()).extracting(RefusingProxy.Exchange::status).containsExactly(503, 202, 202);
        assertThat(opsflow.exchanges().get(1).body()).isEqualTo(kept).isEqualTo(opsflow.exchanges().get(0).body());
        assertThat(opsflow.exchanges().get(2).text()).contains("CPU使用率");
        assertThat(instanceOf("3000201")).isNotNull();
        assertThat(instanceOf("3000202")).isNotNull();
        assertThat(spooled()).isEmpty();
    }

    @Test
    void theCronFlushSendsTheSpoolInOrderOnceOpsflowIsBack() throws Exception {
        for (int i = 0; i < 2; i++) {
            opsflow.refuseNext(503, null);
        }
        assertThat(alert("opsflow", "PROBLEM: 1", problem("3000301", "メモリ不足 1", "本番AP01")).exit()).isEqualTo(75);
        // The older delivery is tried first and refused again: the newer one waits behind it.
        assertThat(alert("opsflow", "PROBLEM: 2", problem("3000302", "メモリ不足 2", "本番AP01")).exit()).isEqualTo(75);
        assertThat(spooled()).hasSize(2);

        Run flush = run("--flush");

        assertThat(flush.exit()).as(flush.output()).isZero();
        assertThat(opsflow.exchanges()).extracting(e -> json.readTree(e.body()).get("subject").asText() + " " + e.status())
                .containsExactly("PROBLEM: 1 503", "PROBLEM: 1 503", "PROBLEM: 1 202", "PROBLEM: 2 202");
        assertThat(spooled()).isEmpty();
        assertThat(run("--flush").exit()).as("an empty spool sends nothing").isZero();
        assertThat(opsflow.exchanges()).hasSize(4);
    }

    @Test
    void aDeliveryOpsflowRefusesForGoodIsSetAsideAndDoesNotBlockTheSpool() throws Exception {
        Run rejected = alert("opsflow", "free text", "no template here");

        assertThat(rejected.exit()).isEqualTo(1);
        assertThat(rejected.output()).contains("HTTP 400").contains("opsflow-v1");
        try (Stream<Path> aside = Files.list(spool.resolve("rejected"))) {
            assertThat(aside).hasSize(1);
        }
        assertThat(alert("opsflow", "PROBLEM", problem("3000401", "ログ監視 エラー検知", "本番AP02")).exit()).isZero();
    }

    private String problem(String eventId, String trigger, String host) {
        return String.join("\n", "opsflow-v1", "event_id: " + eventId, "trigger_status: PROBLEM", "trigger_severity: 重大",
                "trigger_nseverity: 4", "trigger_id: 1" + eventId, "trigger_name: " + trigger, "host_name: " + host,
                "host_host: " + host.toLowerCase(), "host_ip: 10.0.0.5", "host_groups: Demo/Production",
                "event_time: 2026.11.24 09:12:44");
    }

    private String instanceOf(String eventId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("zabbix:demo:" + eventId).singleResult().getId();
    }

    private List<Path> spooled() throws IOException {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private Run alert(String sendTo, String subject, String message) throws Exception {
        return run(sendTo, subject, message);
    }

    /**
     * Runs the script with an empty environment and LC_ALL=C. The arguments go through files and a
     * shell, so the script gets their UTF-8 bytes whatever encoding this JVM would give argv.
     */
    private Run run(String... arguments) throws Exception {
        StringBuilder command = new StringBuilder("exec sh '" + SCRIPT + "'");
        for (int i = 0; i < arguments.length; i++) {
            Path argument = Files.write(dir.resolve("argument" + i), arguments[i].getBytes(StandardCharsets.UTF_8));
            command.append(" \"$(cat '").append(argument).append("')\"");
        }
        ProcessBuilder builder = new ProcessBuilder(dir.resolve("bin/sh").toString(), "-c", command.toString()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("PATH", dir.resolve("bin").toString());
        builder.environment().put("OPSFLOW_CURLRC", dir.resolve("opsflow.curlrc").toString());
        builder.environment().put("OPSFLOW_SPOOL", spool.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
