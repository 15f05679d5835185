package io.opsflow.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox simulators. {@code jobStepDelay}: how long a simulated Automation job stays in each of
 * New, Activating and Running before it ends; {@code ticketDelay}: how long creating a support
 * ticket or message stays InProgress (at least one poll); {@code supportReplyDelay}: how long
 * "Microsoft" takes to write on a ticket (first response, then a reply to each message of the MSP);
 * {@code supportPageSize}: how many tickets or messages a list page holds at most, small so that
 * {@code nextLink} paging is visible; {@code azurePlanDelay}: how long after checkout the Azure plan's
 * Azure subscription appears in Partner Center (the real one takes minutes); {@code githubGenerateDelay}: how long a repository generated from the
 * template stays empty (GitHub copies the contents asynchronously); {@code circleciRunDelay}: how long the
 * simulated deployment workflow runs, before it ends or waits for its approval and again after it.
 */
@ConfigurationProperties("opsflow.sandbox")
public record SandboxProperties(@DefaultValue("PT2S") Duration jobStepDelay, @DefaultValue("PT1S") Duration ticketDelay,
                                @DefaultValue("PT20S") Duration supportReplyDelay, @DefaultValue("3") int supportPageSize,
                                @DefaultValue("PT15S") Duration azurePlanDelay,
                                @DefaultValue("PT2S") Duration githubGenerateDelay, @DefaultValue("PT20S") Duration circleciRunDelay) {
}
