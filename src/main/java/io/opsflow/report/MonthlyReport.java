package io.opsflow.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * One customer's operations figures for one calendar month in the report's time zone; the JSON of
 * {@code GET /api/reports/{customer}/{yyyy-MM}}. Each figure is defined where it is declared.
 *
 * @param asOf when the figures were computed: an SLA target not yet reached counts as missed only once
 *             its due time has passed by then
 */
public record MonthlyReport(String customerId, YearMonth month, String timeZone, Instant asOf, Incidents incidents,
                            Requests requests, MicrosoftTickets microsoftTickets, List<Trend> trend, Services services) {

    /** Without service figures: they are {@linkplain Services#NOT_COLLECTED not collected}. */
    public MonthlyReport(String customerId, YearMonth month, String timeZone, Instant asOf, Incidents incidents,
                         Requests requests, MicrosoftTickets microsoftTickets, List<Trend> trend) {
        this(customerId, month, timeZone, asOf, incidents, requests, microsoftTickets, trend, Services.NOT_COLLECTED);
    }

    /**
     * @param opened              incidents opsflow opened in the month
     * @param resolved            incidents resolved in the month (resolved in ServiceNow, by an operator, or self-healed)
     * @param openAtMonthEnd      opened before the month's end and not resolved by then
     * @param bySource            opened, by source ({@code azure-monitor}, {@code zabbix}, {@code servicenow})
     * @param byPriority          opened, by priority
     * @param timeToAcknowledge   opened → Triage completed, of the incidents opened in the month, per priority and {@code all}
     * @param timeToIdentifyCause opened → cause identified
     * @param timeToResolve       opened → resolved
     * @param sla                 per target (acknowledge, identifyCause, resolve): met / missed among the month's incidents
     *                            with that target; {@code compliance} is null when none was decided yet
     * @param breaches            the missed targets, earliest due first
     * @param reopened            opened in the month for a ServiceNow incident that opsflow had coordinated before
     * @param alerts              of the incidents raised by alerts: all their alerts, the most on one incident, and the
     *                            storms (incidents with {@value IncidentFigures#STORM} or more alerts)
     * @param selfHealed          resolved ones that healed without an operator (alert resolved)
     * @param diagnosedAutomatically incidents raised by alerts whose diagnostic runbook ran with no human step
     * @param topAlertRules       the most frequent alert rules among the opened ones (at most 5)
     * @param topResources        the most frequent resources among the opened ones (at most 5)
     */
    public record Incidents(int opened, int resolved, int openAtMonthEnd, Map<String, Integer> bySource,
                            Map<String, Integer> byPriority, Map<String, Durations> timeToAcknowledge,
                            Map<String, Durations> timeToIdentifyCause, Map<String, Durations> timeToResolve,
                            List<SlaTarget> sla, List<SlaBreach> breaches, int reopened, Alerts alerts, Share selfHealed,
                            Share diagnosedAutomatically, List<Ranked> topAlertRules, List<Ranked> topResources) {
    }

    public record SlaTarget(String target, int met, int missed, Double compliance) {
    }

    /** @param reached when the target was reached, null if it has not been yet */
    public record SlaBreach(String incident, String processInstanceId, String priority, String target, Instant due, Instant reached) {
    }

    public record Alerts(int total, int mostOnOneIncident, int storms) {
    }

    /** A part of a whole; {@code rate} is null when the whole is zero (no fake 0 %). */
    public record Share(int count, int of, Double rate) {

        static Share of(int count, int of) {
            return new Share(count, of, of == 0 ? null : (double) count / of);
        }
    }

    public record Ranked(String name, int count) {
    }

    /**
     * @param opened         requested items received in the month
     * @param perItem        opened, per catalog item
     * @param leadTime       received → closed fulfilled (by runbook or by hand), of those closed in the month
     * @param approvalWait   approval asked → decided, of the approvals decided in the month
     * @param completed      closed in the month, fulfilled by runbook
     * @param failed         closed in the month rejected, invalid or incomplete
     * @param fulfilledByHand closed in the month after an operator did the work by hand
     * @param automated      fulfilled with no human step (no approval, no failure handling), of all fulfilled
     */
    public record Requests(int opened, Map<String, Integer> perItem, Durations leadTime, Durations approvalWait, int completed,
                           int failed, int fulfilledByHand, Share automated) {
    }

    /**
     * @param opened        tickets Microsoft created in the month
     * @param firstResponse ticket created → Microsoft's first answer seen, of the month's tickets
     * @param openAtMonthEnd tickets not closed at the month's end
     */
    public record MicrosoftTickets(int opened, Durations firstResponse, int openAtMonthEnd) {
    }

    /** The headline figures of the month and the three before it, oldest first. */
    public record Trend(YearMonth month, int incidentsOpened, int incidentsResolved, Duration medianTimeToResolve,
                        Double resolveSlaCompliance, int requestsOpened, Double requestAutomation) {
    }

    /**
     * The service figures of the customer's monitored resources, read from Azure once per month by
     * {@link ServiceFigureCollection} and kept by opsflow.
     *
     * @param collected   false: nobody collected this month yet, so there are no figures (not zeros)
     * @param collectedAt when Azure was read; figures of a month still running cover the time until then
     * @param resources   per monitored resource (VMs, App Service sites, SQL databases, AVD host pools), by kind and name
     */
    public record Services(boolean collected, Instant collectedAt, List<ServiceResource> resources) {

        public static final Services NOT_COLLECTED = new Services(false, null, List.of());
    }

    /**
     * One resource's figures for the month. {@code figures} holds the figures of its kind, in the order
     * of {@link ServiceFigure}; a null value is "no data" (Azure answered 404, or had nothing in the month).
     * <ul>
     * <li>{@code availability}: VMs, sites and databases: the share of the month's time with a known
     *     Resource Health state in which the resource was not Unavailable (Degraded counts as up,
     *     Unknown is left out); for a VM Resource Health knows nothing of, the hours with at least one
     *     Log Analytics heartbeat ÷ the month's hours ({@code availabilitySource} says which).</li>
     * <li>{@code cpuP95} (VM): 95th percentile, nearest rank, computed by opsflow over the month's
     *     hourly (PT1H) averages of {@code Percentage CPU}, in %.</li>
     * <li>{@code requests} and {@code http5xx} (App Service): the sums of the hourly totals of the
     *     metrics {@code Requests} and {@code Http5xx}; {@code http5xxRate} = http5xx ÷ requests, no
     *     value when there was no request.</li>
     * <li>{@code dtuPeak} and {@code cpuPeak} (SQL database): the highest hourly maximum of
     *     {@code dtu_consumption_percent} and {@code cpu_percent}, in % (a vCore database has no DTU).</li>
     * <li>{@code sessions} and {@code distinctUsers} (AVD host pool): the month's connections that
     *     reached Connected in {@code WVDConnections} (distinct {@code CorrelationId}) and their
     *     distinct {@code UserName}s.</li>
     * </ul>
     *
     * @param kind               {@code virtualMachine}, {@code appService}, {@code sqlDatabase} or {@code avdHostPool}
     * @param availabilitySource {@code resourceHealth}, {@code heartbeat}, or null when availability has no value
     */
    public record ServiceResource(String resourceId, String name, String kind, String availabilitySource,
                                  Map<String, Double> figures) {
    }
}
