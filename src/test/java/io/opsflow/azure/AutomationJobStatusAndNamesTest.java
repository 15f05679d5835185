package io.opsflow.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AutomationJobStatusAndNamesTest {

    @Test
    void knowsEveryStatusOfTheContractAndWhichAreFinal() {
        String contractEnum = "New, Activating, Running, Completed, Failed, Stopped, Blocked, Suspended, Disconnected, "
                + "Suspending, Stopping, Resuming, Removing";
        assertThat(Arrays.stream(contractEnum.split(", ")).map(AutomationJobStatus::of))
                .containsExactly(AutomationJobStatus.values());
        assertThat(Arrays.stream(AutomationJobStatus.values()).filter(AutomationJobStatus::isFinal))
                .containsExactlyInAnyOrder(AutomationJobStatus.COMPLETED, AutomationJobStatus.FAILED, AutomationJobStatus.STOPPED);
        assertThat(Arrays.stream(AutomationJobStatus.values()).filter(AutomationJobStatus::needsDecision))
                .containsExactlyInAnyOrder(AutomationJobStatus.SUSPENDED, AutomationJobStatus.BLOCKED,
                        AutomationJobStatus.DISCONNECTED);
        assertThatThrownBy(() -> AutomationJobStatus.of("Exploded")).hasMessageContaining("Exploded");
    }

    @Test
    void jobNameIsAStableUuidPerStep() {
        String name = JobNames.forStep("pi-1", "ServiceTask_StartRunbook");

        assertThat(UUID.fromString(name).version()).isEqualTo(3);
        assertThat(JobNames.forStep("pi-1", "ServiceTask_StartRunbook")).isEqualTo(name);
        assertThat(JobNames.forStep("pi-2", "ServiceTask_StartRunbook")).isNotEqualTo(name);
        assertThat(JobNames.forStep("pi-1", "ServiceTask_StopRunbook")).isNotEqualTo(name);
        assertThat(JobNames.forStep("pi-1", "ServiceTask_StartRunbook", "0"))
                .isNotEqualTo(name).isNotEqualTo(JobNames.forStep("pi-1", "ServiceTask_StartRunbook", "1"));
        assertThatThrownBy(() -> JobNames.forStep(null, "ServiceTask_StartRunbook")).isInstanceOf(IllegalArgumentException.class);
    }
}
