package io.opsflow.deployment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health indicator {@code smokeTest}: runs the {@code smoke-test} process end to end (engine,
 * deployment, delegate, registry tables, history) and reports how long it took. A load balancer
 * polls health often, so a result is reused for {@link #REUSE_FOR}.
 */
@Component
public class SmokeTest implements HealthIndicator {

    static final String PROCESS_KEY = "smoke-test";
    public static final String CUSTOMER_COUNT = "customerCount";
    static final Duration REUSE_FOR = Duration.ofSeconds(30);

    private final RuntimeService runtimeService;
    private final Clock clock = Clock.systemUTC();
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    SmokeTest(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        if (last == null || lastAt.plus(REUSE_FOR).isBefore(now)) {
            last = run();
            lastAt = now;
        }
        return last;
    }

    private Health run() {
        long started = System.nanoTime();
        try {
            ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                    .businessKey("health-check").executeWithVariablesInReturn();
            Health.Builder health = instance.isEnded() ? Health.up() : Health.down().withDetail("reason", "smoke-test did not end");
            return health.withDetail("processInstanceId", instance.getId())
                    .withDetail(CUSTOMER_COUNT, instance.getVariables().get(CUSTOMER_COUNT))
                    .withDetail("millis", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (RuntimeException e) {
            return Health.down(e).build();
        }
    }
}
