package io.opsflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.servicenow.Incident;
import io.opsflow.servicenow.IncidentState;
import io.opsflow.servicenow.IncidentUpdate;
import io.opsflow.servicenow.JournalEntry;
import io.opsflow.servicenow.JournalField;
import io.opsflow.servicenow.NewIncident;
import io.opsflow.servicenow.RequestedItemState;
import io.opsflow.servicenow.RequestedItemUpdate;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.servicenow.ServiceNowNotFoundException;
import io.opsflow.servicenow.TableQuery;
import io.opsflow.servicenow.TableRecord;

/** On a fresh clone (sandbox mode) the production ServiceNow client drives the simulator over HTTP. */
@OpsflowSpringTest
class SandboxServiceNowThroughAdapterTest {

    @Autowired
    ServiceNowClient servicenow;
    @Autowired
    ServiceNowTables tables;

    @Test
    void incidentsAreCreatedOnceUpdatedJournalledAndResolved() {
        NewIncident alert = new NewIncident("sandbox-alert-1", "azure-monitor", "de300000000000000000000000000001", null, null, null,
                "[Azure Monitor] Sev2 CPU 高負荷 vm-demo-web01", "Percentage CPU > 90", "2", "2", "hardware", "cpu");
        Incident created = servicenow.createIncident(alert);
        assertThat(created.number()).startsWith("INC");
        assertThat(servicenow.createIncident(alert).sysId()).as("idempotent on correlation_id").isEqualTo(created.sysId());
        assertThat(servicenow.findIncidentByNumber(created.number())).map(Incident::sysId).hasValue(created.sysId());

        servicenow.updateIncident(created.sysId(), IncidentUpdate.workNote("opsflow: 診断ランブックを開始しました"));
        servicenow.updateIncident(created.sysId(), new IncidentUpdate(null, null, null, null, null, null, "お客様への連絡", null, null));
        List<JournalEntry> journal = servicenow.latestJournalEntries(created.sysId(), Set.of(JournalField.values()), 10);
        assertThat(journal).extracting(JournalEntry::value).containsExactly("お客様への連絡", "opsflow: 診断ランブックを開始しました");

        Incident resolved = servicenow.updateIncident(created.sysId(), IncidentUpdate.resolve("Solution provided", "CPU 負荷は収まりました"));
        assertThat(resolved.state()).isEqualTo(IncidentState.RESOLVED);
        assertThat(servicenow.getIncident(created.sysId()).state()).isEqualTo(IncidentState.RESOLVED);
    }

    @Test
    void requestedItemsAreUpdatedAndQueriesPageToTheEnd() {
        Map<String, String> ritm = tables.insert("sc_req_item", Map.of("short_description", "VM 再起動", "cat_item", "restart-vm",
                "company", "de300000000000000000000000000002"));
        servicenow.updateRequestedItem(ritm.get("sys_id"), new RequestedItemUpdate(RequestedItemState.WORK_IN_PROGRESS, "fulfillment", "opsflow: Runbook を開始しました"));
        assertThat(tables.get("sc_req_item", ritm.get("sys_id")).orElseThrow()).containsEntry("state", "2").containsEntry("stage", "fulfillment");

        for (int i = 0; i < 7; i++) {
            tables.insert("incident", Map.of("short_description", "page " + i, "company", "de300000000000000000000000000003"));
        }
        List<TableRecord> all = servicenow.query(new TableQuery("incident", "company=de300000000000000000000000000003^ORDERBYnumber",
                List.of("number", "short_description"), 3, TableQuery.DisplayValue.FALSE));
        assertThat(all).hasSize(7);
        assertThatThrownBy(() -> servicenow.getIncident("ffffffffffffffffffffffffffffffff")).isInstanceOf(ServiceNowNotFoundException.class);
    }
}
