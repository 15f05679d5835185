package io.opsflow.servicenow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceNowStatesTest {

    @Test
    void documentedIncidentStatesHaveNamesAndACustomStateIsOtherWithItsCodeKept() {
        assertThat(Incident.of(Map.of("state", "6")).state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(IncidentState.of("8").isOver()).isTrue();
        assertThat(IncidentState.of("3").isOver()).isFalse();
        Incident custom = Incident.of(Map.of("sys_id", "x", "state", "101"));
        assertThat(custom.state()).isEqualTo(IncidentState.OTHER);
        assertThat(custom.stateCode()).isEqualTo("101");
        assertThat(custom.state().isOver()).isFalse();
        assertThatThrownBy(() -> new IncidentUpdate(IncidentState.OTHER, null, null, null, null, null, null, null, null).fields())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestedItemStatesAndStagesReadFromCodesAndModelsNameThemInWords() {
        RequestedItem item = RequestedItem.of(Map.of("state", "7", "stage", "fulfillment", "approval", "approved"));
        assertThat(item.state()).isEqualTo(RequestedItemState.CLOSED_SKIPPED);
        assertThat(item.state().isCancelled()).isTrue();
        assertThat(item.stage()).isEqualTo(RequestedItemStage.FULFILLMENT);
        assertThat(item.approved()).isTrue();
        RequestedItem custom = RequestedItem.of(Map.of("state", "42", "stage", "our_own_stage"));
        assertThat(custom.state()).isEqualTo(RequestedItemState.OTHER);
        assertThat(custom.stateCode()).isEqualTo("42");
        assertThat(custom.state().isClosed()).isFalse();
        assertThat(custom.stage()).isEqualTo(RequestedItemStage.OTHER);
        assertThat(custom.stageCode()).isEqualTo("our_own_stage");

        assertThat(RequestedItemState.named("closedComplete")).isEqualTo(RequestedItemState.CLOSED_COMPLETE);
        assertThat(RequestedItemState.named("workInProgress").code()).isEqualTo("2");
        assertThat(new RequestedItemUpdate(RequestedItemState.named("closedIncomplete"), null, null).fields())
                .containsEntry("state", "4");
        assertThatThrownBy(() -> RequestedItemState.named("4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("closedIncomplete");
        assertThatThrownBy(() -> RequestedItemState.named("other")).isInstanceOf(IllegalArgumentException.class);
    }
}
