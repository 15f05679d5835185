package io.opsflow.runbook;

import java.time.Duration;

/**
 * The one polling rule for runbook jobs: the first check 10 seconds after the start, then each
 * wait twice the last, capped at one minute (10s, 20s, 40s, 1m, 1m, …). Short jobs are seen soon,
 * long ones cost one ARM read a minute.
 */
final class RunbookJobTimes {

    static final Duration FIRST_POLL = Duration.ofSeconds(10);
    static final Duration MAX_POLL = Duration.ofMinutes(1);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    private RunbookJobTimes() {
    }

    static Duration nextPoll(Duration last) {
        Duration next = last.multipliedBy(2);
        return next.compareTo(MAX_POLL) > 0 ? MAX_POLL : next;
    }

    static Duration timeout(Object value) {
        return value == null || value.toString().isBlank() ? DEFAULT_TIMEOUT : Duration.parse(value.toString());
    }
}
