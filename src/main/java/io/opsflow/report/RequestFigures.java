package io.opsflow.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Service-request figures of one month (see {@link MonthlyReport.Requests}): volume of the requests
 * opened in it; outcomes, lead times and automation of those closed in it; approval waits of the
 * approvals decided in it.
 */
final class RequestFigures {

    static final String FULFILLED = "EndEvent_RequestFulfilled";
    static final String FULFILLED_BY_HAND = "EndEvent_FulfilledByHand";
    static final List<String> NOT_FULFILLED = List.of("EndEvent_RequestRejected", "EndEvent_RequestInvalid", "EndEvent_ClosedIncomplete");
    static final String APPROVAL_ASKED = ReportedFacts.started("UserTask_ApproveRequest");
    static final String APPROVED = ReportedFacts.ended("UserTask_ApproveRequest");
    static final List<String> HUMAN_STEPS = List.of(APPROVED, ReportedFacts.ended("UserTask_HandleFulfilmentFailure"),
            ReportedFacts.ended("UserTask_ReviewOverdueApproval"));

    private RequestFigures() {
    }

    static MonthlyReport.Requests of(List<ReportItem> all, Instant from, Instant to) {
        List<ReportItem> requests = requests(all);
        List<ReportItem> opened = IncidentFigures.opened(requests, from, to);
        List<ReportItem> closed = closed(requests, from, to);
        List<ReportItem> fulfilled = closed.stream().filter(i -> FULFILLED.equals(i.endActivity())).toList();
        int byHand = (int) closed.stream().filter(i -> FULFILLED_BY_HAND.equals(i.endActivity())).count();
        int notFulfilled = (int) closed.stream().filter(i -> NOT_FULFILLED.contains(i.endActivity())).count();
        List<Duration> leadTimes = closed.stream().filter(i -> FULFILLED.equals(i.endActivity()) || FULFILLED_BY_HAND.equals(i.endActivity()))
                .map(i -> Duration.between(i.openedAt(), i.closedAt())).toList();
        List<Duration> approvalWaits = requests.stream().filter(i -> i.first(APPROVED).filter(t -> IncidentFigures.within(t, from, to)).isPresent())
                .map(RequestFigures::approvalWait).flatMap(Optional::stream).toList();
        return new MonthlyReport.Requests(opened.size(), IncidentFigures.counts(opened, i -> i.text("catItemName").orElse("unknown")),
                Durations.of(leadTimes), Durations.of(approvalWaits), fulfilled.size(), notFulfilled, byHand, automation(closed));
    }

    static List<ReportItem> requests(List<ReportItem> all) {
        return all.stream().filter(i -> ReportedFacts.REQUEST.equals(i.processKey())).toList();
    }

    static List<ReportItem> closed(List<ReportItem> requests, Instant from, Instant to) {
        return requests.stream().filter(i -> i.closedAt() != null && IncidentFigures.within(i.closedAt(), from, to)).toList();
    }

    /**
     * Of the requests fulfilled (automatically or by hand) among those closed, the share fulfilled with
     * no human step: from the summary only, so the trend can compute it for items read without their facts.
     */
    static MonthlyReport.Share automation(List<ReportItem> closed) {
        int fulfilled = (int) closed.stream().filter(i -> FULFILLED.equals(i.endActivity())).count();
        int byHand = (int) closed.stream().filter(i -> FULFILLED_BY_HAND.equals(i.endActivity())).count();
        int automated = (int) closed.stream().filter(i -> FULFILLED.equals(i.endActivity()) && i.summary().humanStep() == null).count();
        return MonthlyReport.Share.of(automated, fulfilled + byHand);
    }

    private static Optional<Duration> approvalWait(ReportItem request) {
        return request.first(APPROVAL_ASKED).flatMap(asked -> request.first(APPROVED).map(done -> Duration.between(asked, done)));
    }
}
