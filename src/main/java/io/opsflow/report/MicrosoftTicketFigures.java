package io.opsflow.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Microsoft support tickets of one month: a ticket is a microsoft-support-relay instance (started once
 * Microsoft created it); its first response is when the relay first saw Microsoft answer.
 */
final class MicrosoftTicketFigures {

    private MicrosoftTicketFigures() {
    }

    static MonthlyReport.MicrosoftTickets of(List<ReportItem> all, Instant from, Instant to) {
        List<ReportItem> tickets = all.stream().filter(i -> ReportedFacts.MICROSOFT_TICKET.equals(i.processKey())).toList();
        List<ReportItem> opened = tickets.stream().filter(i -> IncidentFigures.within(i.openedAt(), from, to)).toList();
        List<Duration> firstResponses = opened.stream().map(MicrosoftTicketFigures::firstResponse).flatMap(Optional::stream).toList();
        int open = (int) tickets.stream().filter(i -> i.openAt(to)).count();
        return new MonthlyReport.MicrosoftTickets(opened.size(), Durations.of(firstResponses), open);
    }

    private static Optional<Duration> firstResponse(ReportItem ticket) {
        return ticket.firstSet("microsoftResponded", 1).map(at -> Duration.between(ticket.openedAt(), at));
    }
}
