package io.opsflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Every figure against generated history whose answers are known by construction: November 2026
 * in Tokyo, with an incident spanning October and November, a reopened one, an alert resolved
 * before triage, a storm, SLA breaches, and requests fulfilled automatically, by hand and rejected.
 */
class ReportFiguresTest {

    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Instant FROM = tokyo(11, 1, 0, 0);
    static final Instant TO = tokyo(12, 1, 0, 0);
    static final Instant AS_OF = tokyo(12, 1, 9, 0);

    @Test
    void incidentsOfTheMonth() {
        List<ReportItem> items = List.of(
                // Opened 31 Oct 23:00 JST, resolved 1 Nov 01:00: counted resolved in November, opened in October.
                incident("i-spanning", "INC1", tokyo(10, 31, 23, 0), tokyo(11, 1, 1, 30)).fact("source", "azure-monitor").fact("priority", "P2")
                        .at("UserTask_Triage.end", tokyo(10, 31, 23, 10)).at("ServiceTask_ResolveServiceNowIncident.end", tokyo(11, 1, 1, 0)).build(),
                // P1 from Azure Monitor: acknowledged in 10 min (target 15), cause in 50 min (target 30: breach), resolved in 2 h (target 4 h), 12 alerts: a storm.
                incident("i-p1", "INC2", tokyo(11, 3, 10, 0), tokyo(11, 3, 12, 30)).fact("source", "azure-monitor").fact("priority", "P1")
                        .fact("ruleName", "vm-cpu-high").fact("targetResource", "/subscriptions/s/vm-web01")
                        .due("acknowledgeDueAt", tokyo(11, 3, 10, 15)).due("identifyCauseDueAt", tokyo(11, 3, 10, 30)).due("resolveDueAt", tokyo(11, 3, 14, 0))
                        .at("UserTask_Triage.end", tokyo(11, 3, 10, 10)).at("EndEvent_CauseIdentified.end", tokyo(11, 3, 10, 50))
                        .at("ServiceTask_ResolveServiceNowIncident.end", tokyo(11, 3, 12, 0)).at("CallActivity_RunDiagnosticRunbook.end", tokyo(11, 3, 10, 5))
                        .times("StartEvent_AlertUpdateReceived.end", 11, tokyo(11, 3, 10, 20)).build(),
                // Alert resolved before triage: self-healed after 20 min, no human step.
                incident("i-healed", "INC3", tokyo(11, 5, 8, 0), tokyo(11, 5, 8, 20)).fact("source", "zabbix").fact("priority", "P3")
                        .fact("ruleName", "vm-cpu-high").fact("targetResource", "/subscriptions/s/vm-web01")
                        .due("acknowledgeDueAt", tokyo(11, 5, 9, 0)).at("EndEvent_SelfHealedRaised.end", tokyo(11, 5, 8, 20)).build(),
                // Raised in ServiceNow, resolved there a day later; INC1 again: reopened.
                incident("i-reopened", "INC1", tokyo(11, 10, 9, 0), tokyo(11, 11, 9, 0)).fact("source", "servicenow").fact("priority", "P3")
                        .at("UserTask_Triage.end", tokyo(11, 10, 9, 30)).at("StartEvent_ServiceNowIncidentResolved.end", tokyo(11, 11, 9, 0)).build(),
                // Opened 28 Nov, still open at month end; its resolve target passed on 30 Nov unreached: a breach.
                incident("i-open", "INC4", tokyo(11, 28, 9, 0), null).fact("source", "azure-monitor").fact("priority", "P2")
                        .fact("ruleName", "sql-dtu").due("resolveDueAt", tokyo(11, 30, 9, 0)).at("UserTask_Triage.end", tokyo(11, 28, 9, 20)).build(),
                // Opened in December: not in November at all.
                incident("i-december", "INC5", tokyo(12, 1, 0, 0), null).fact("source", "zabbix").build());

        MonthlyReport.Incidents november = IncidentFigures.of(items, FROM, TO, AS_OF, Map.of("INC1", tokyo(10, 31, 23, 0),
                "INC2", tokyo(11, 3, 10, 0), "INC3", tokyo(11, 5, 8, 0), "INC4", tokyo(11, 28, 9, 0)));

        assertThat(november.opened()).isEqualTo(4);
        assertThat(november.resolved()).isEqualTo(4);
        assertThat(november.openAtMonthEnd()).isEqualTo(1);
        assertThat(november.bySource()).containsExactly(Map.entry("azure-monitor", 2), Map.entry("servicenow", 1), Map.entry("zabbix", 1));
        assertThat(november.byPriority()).containsExactly(Map.entry("P1", 1), Map.entry("P2", 1), Map.entry("P3", 2));
        // Acknowledged: P1 10 min, P3 (reopened) 30 min, P2 (open) 20 min; the self-healed one never was.
        assertThat(november.timeToAcknowledge().get("all")).isEqualTo(new Durations(3, Duration.ofMinutes(20), Duration.ofMinutes(30)));
        assertThat(november.timeToAcknowledge().get("P1")).isEqualTo(new Durations(1, Duration.ofMinutes(10), Duration.ofMinutes(10)));
        assertThat(november.timeToIdentifyCause().get("all")).isEqualTo(new Durations(1, Duration.ofMinutes(50), Duration.ofMinutes(50)));
        // Resolved: 2 h, 20 min, 24 h; nearest rank: median the 2nd of 3, p90 the 3rd.
        assertThat(november.timeToResolve().get("all")).isEqualTo(new Durations(3, Duration.ofHours(2), Duration.ofHours(24)));
        assertThat(november.sla()).containsExactly(
                new MonthlyReport.SlaTarget("acknowledge", 1, 1, 0.5),
                new MonthlyReport.SlaTarget("identifyCause", 0, 1, 0.0),
                new MonthlyReport.SlaTarget("resolve", 1, 1, 0.5));
        assertThat(november.breaches()).extracting(MonthlyReport.SlaBreach::incident, MonthlyReport.SlaBreach::target)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INC2", "identifyCause"), org.assertj.core.groups.Tuple.tuple("INC3", "acknowledge"),
                        org.assertj.core.groups.Tuple.tuple("INC4", "resolve"));
        assertThat(november.breaches().get(2).reached()).as("not reached yet").isNull();
        assertThat(november.reopened()).isEqualTo(1);
        assertThat(november.alerts()).isEqualTo(new MonthlyReport.Alerts(12 + 1 + 1, 12, 1));
        assertThat(november.selfHealed()).isEqualTo(new MonthlyReport.Share(1, 4, 0.25));
        assertThat(november.diagnosedAutomatically()).isEqualTo(new MonthlyReport.Share(1, 3, 1.0 / 3));
        assertThat(november.topAlertRules()).containsExactly(new MonthlyReport.Ranked("vm-cpu-high", 2), new MonthlyReport.Ranked("sql-dtu", 1));
        assertThat(november.topResources()).containsExactly(new MonthlyReport.Ranked("/subscriptions/s/vm-web01", 2));

        MonthlyReport.Incidents october = IncidentFigures.of(items, tokyo(10, 1, 0, 0), FROM, AS_OF, Map.of());
        assertThat(october.opened()).isEqualTo(1);
        assertThat(october.resolved()).isZero();
        assertThat(october.openAtMonthEnd()).as("the spanning incident was open when October ended").isEqualTo(1);
    }

    @Test
    void aMonthWithoutIncidentsHasNoRatesRatherThanZeros() {
        MonthlyReport.Incidents empty = IncidentFigures.of(List.of(), FROM, TO, AS_OF, Map.of());
        assertThat(empty.opened()).isZero();
        assertThat(empty.sla()).allSatisfy(s -> assertThat(s.compliance()).isNull());
        assertThat(empty.selfHealed().rate()).isNull();
        assertThat(empty.timeToResolve()).isEmpty();
    }

    @Test
    void requestsOfTheMonth() {
        List<ReportItem> items = List.of(
                // Fulfilled by runbook with no human step in 30 min.
                request("r-auto", "Restart VM", tokyo(11, 2, 10, 0), tokyo(11, 2, 10, 30), "EndEvent_RequestFulfilled").build(),
                // Approved after 2 h, then fulfilled by runbook: not automated.
                request("r-approved", "Resize VM", tokyo(11, 4, 9, 0), tokyo(11, 4, 12, 0), "EndEvent_RequestFulfilled")
                        .at("UserTask_ApproveRequest.start", tokyo(11, 4, 9, 1)).at("UserTask_ApproveRequest.end", tokyo(11, 4, 11, 1)).build(),
                // The runbook failed; an operator did it by hand the next day.
                request("r-by-hand", "Restart VM", tokyo(11, 6, 9, 0), tokyo(11, 7, 9, 0), "EndEvent_FulfilledByHand")
                        .at("UserTask_HandleFulfilmentFailure.end", tokyo(11, 7, 8, 55)).build(),
                request("r-rejected", "Add NSG rule", tokyo(11, 8, 9, 0), tokyo(11, 8, 10, 0), "EndEvent_RequestRejected")
                        .at("UserTask_ApproveRequest.start", tokyo(11, 8, 9, 1)).at("UserTask_ApproveRequest.end", tokyo(11, 8, 9, 31)).build(),
                // Received on 30 Nov, still waiting for approval.
                request("r-waiting", "Resize VM", tokyo(11, 30, 18, 0), null, null).at("UserTask_ApproveRequest.start", tokyo(11, 30, 18, 1)).build());

        MonthlyReport.Requests november = RequestFigures.of(items, FROM, TO);

        assertThat(november.opened()).isEqualTo(5);
        assertThat(november.perItem()).containsExactly(Map.entry("Add NSG rule", 1), Map.entry("Resize VM", 2), Map.entry("Restart VM", 2));
        assertThat(november.completed()).isEqualTo(2);
        assertThat(november.fulfilledByHand()).isEqualTo(1);
        assertThat(november.failed()).isEqualTo(1);
        assertThat(november.leadTime()).isEqualTo(new Durations(3, Duration.ofHours(3), Duration.ofHours(24)));
        assertThat(november.approvalWait()).isEqualTo(new Durations(2, Duration.ofMinutes(30), Duration.ofHours(2)));
        assertThat(november.automated()).isEqualTo(new MonthlyReport.Share(1, 3, 1.0 / 3));
    }

    @Test
    void microsoftTicketsOfTheMonth() {
        List<ReportItem> items = List.of(
                ticket("t-answered", tokyo(11, 3, 11, 0), tokyo(11, 20, 9, 0)).number("microsoftResponded", 0, tokyo(11, 3, 11, 0))
                        .number("microsoftResponded", 1, tokyo(11, 3, 12, 30)).build(),
                ticket("t-silent", tokyo(11, 29, 9, 0), null).number("microsoftResponded", 0, tokyo(11, 29, 9, 0)).build(),
                ticket("t-october", tokyo(10, 20, 9, 0), null).number("microsoftResponded", 1, tokyo(10, 20, 10, 0)).build());

        MonthlyReport.MicrosoftTickets november = MicrosoftTicketFigures.of(items, FROM, TO);

        assertThat(november.opened()).isEqualTo(2);
        assertThat(november.firstResponse()).isEqualTo(new Durations(1, Duration.ofMinutes(90), Duration.ofMinutes(90)));
        assertThat(november.openAtMonthEnd()).isEqualTo(2);
    }

    static Instant tokyo(int month, int day, int hour, int minute) {
        return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, TOKYO).toInstant();
    }

    static Item incident(String id, String number, Instant opened, Instant closed) {
        return new Item(id, ReportedFacts.INCIDENT, number, opened, closed, closed == null ? null : "EndEvent_IncidentClosed")
                .fact("serviceNowNumber", number);
    }

    static Item request(String id, String item, Instant opened, Instant closed, String end) {
        return new Item(id, ReportedFacts.REQUEST, "RITM-" + id, opened, closed, end).fact("catItemName", item);
    }

    static Item ticket(String id, Instant opened, Instant closed) {
        return new Item(id, ReportedFacts.MICROSOFT_TICKET, id, opened, closed, closed == null ? null : "EndEvent_RelayEnded");
    }

    /** Builds a {@link ReportItem} fact by fact. */
    static final class Item {
        final Instant opened;
        private final ReportItem.Builder builder;

        Item(String id, String key, String businessKey, Instant opened, Instant closed, String end) {
            this.opened = opened;
            this.builder = new ReportItem.Builder(id, key, businessKey, opened, closed, end);
        }

        Item fact(String name, String value) {
            return add(name, new ReportItem.Fact(opened, value, null));
        }

        Item due(String name, Instant due) {
            return add(name, new ReportItem.Fact(opened, null, due.toEpochMilli()));
        }

        Item number(String name, long value, Instant at) {
            return add(name, new ReportItem.Fact(at, null, value));
        }

        Item at(String name, Instant at) {
            return add(name, new ReportItem.Fact(at, null, null));
        }

        Item times(String name, int count, Instant at) {
            for (int i = 0; i < count; i++) {
                at(name, at.plusSeconds(i));
            }
            return this;
        }

        ReportItem build() {
            return builder.build();
        }

        private Item add(String name, ReportItem.Fact fact) {
            builder.add(name, fact);
            return this;
        }
    }
}
