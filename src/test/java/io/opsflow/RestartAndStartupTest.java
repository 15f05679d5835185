package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.opsflow.customer.CustomersFileException;

/** Whole-application starts as an operator does them: first start, restart, bad configuration. */
@ExtendWith(OutputCaptureExtension.class)
@Tag("own-context")
class RestartAndStartupTest {

    static final Pattern GENERATED = Pattern.compile("generated password:\\s+(\\S+)");

    @TempDir
    Path data;

    @Test
    void anH2FileDatabaseKeepsInstancesAndTheAdminAcrossARestart(CapturedOutput output) {
        String url = "jdbc:h2:file:" + data.resolve("opsflow");
        String instanceId;
        String password;
        try (ConfigurableApplicationContext first = start(url)) {
            Matcher generated = GENERATED.matcher(output.getAll());
            assertThat(generated.find()).as("first start prints the generated admin password").isTrue();
            password = generated.group(1);
            assertThat(first.getBean(IdentityService.class).checkPassword("admin", password)).isTrue();
            first.getBean(RepositoryService.class).createDeployment().addModelInstance("waiting.bpmn",
                    Bpmn.createExecutableProcess("waiting").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("UserTask_Wait").endEvent().done()).deploy();
            instanceId = first.getBean(RuntimeService.class).startProcessInstanceByKey("waiting", "before-restart").getId();
        }
        int afterFirst = output.getAll().length();

        try (ConfigurableApplicationContext second = start(url)) {
            assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instanceId)
                    .singleResult().getBusinessKey()).isEqualTo("before-restart");
            assertThat(second.getBean(IdentityService.class).checkPassword("admin", password)).isTrue();
            String secondLog = output.getAll().substring(afterFirst);
            assertThat(secondLog).doesNotContain("generated password").doesNotContain(password)
                    .contains("Processes unchanged");
        }
    }

    @Test
    void aBadCustomersFileStopsTheStartNamingLineAndField(CapturedOutput output) throws IOException {
        Path file = Files.writeString(data.resolve("customers.yaml"), """
                customers:
                  - id: acme
                    displayName: ACME
                    locale: de
                """);
        assertThatThrownBy(() -> start("jdbc:h2:mem:bad-file", "--opsflow.customers-file=" + file).close())
                .hasRootCauseInstanceOf(io.opsflow.api.InvalidInputException.class)
                .satisfies(e -> assertThat(causeOfType(e, CustomersFileException.class).getMessage())
                        .isEqualTo(file + " line 4: customers[0].locale: must be 'ja' or 'en', got 'de'"));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains("The customers file could not be imported");
    }

    private static ConfigurableApplicationContext start(String url, String... args) {
        return new SpringApplicationBuilder(OpsflowApplication.class).profiles("test").run(concat(args,
                "--spring.datasource.url=" + url, "--server.port=0", "--opsflow.admin.password="));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Throwable causeOfType(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + e);
    }
}
