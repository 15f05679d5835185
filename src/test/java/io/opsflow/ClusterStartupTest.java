package io.opsflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.opsflow.system.ProcessesDeployment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two nodes starting at the same moment on one PostgreSQL, as docker/compose.yaml runs them: the
 * start-up work runs once (one administrator, one deployment), and both nodes serve the same engine data.
 */
@Tag("own-context")
class ClusterStartupTest {

    @Test
    void twoNodesStartingTogetherShareOneDatabaseWithoutDuplicates() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            ExecutorService starter = Executors.newFixedThreadPool(2);
            List<ConfigurableApplicationContext> nodes = new ArrayList<>();
            try {
                Future<ConfigurableApplicationContext> node1 = starter.submit(() -> start(url, "node1"));
                Future<ConfigurableApplicationContext> node2 = starter.submit(() -> start(url, "node2"));
                nodes.add(node1.get(120, TimeUnit.SECONDS));
                nodes.add(node2.get(120, TimeUnit.SECONDS));

                ConfigurableApplicationContext one = nodes.get(0);
                assertThat(one.getBean(IdentityService.class).createUserQuery().memberOfGroup("camunda-admin").count()).isOne();
                assertThat(one.getBean(RepositoryService.class).createDeploymentQuery()
                        .deploymentName(ProcessesDeployment.DEPLOYMENT_NAME).count()).isOne();
                assertThat(one.getBean(IdentityService.class).createTenantQuery().tenantId("demo").count()).isOne();

                String started = one.getBean(RuntimeService.class).startProcessInstanceByKey("smoke-test").getId();
                assertThat(nodes.get(1).getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricProcessInstanceQuery()
                        .processInstanceId(started).singleResult().getEndTime()).isNotNull();
            } finally {
                nodes.forEach(ConfigurableApplicationContext::close);
                starter.shutdownNow();
            }
        }
    }

    private static ConfigurableApplicationContext start(String url, String node) {
        return new SpringApplicationBuilder(OpsflowApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--server.port=0", "--camunda.bpm.process-engine-name=" + node);
    }
}
