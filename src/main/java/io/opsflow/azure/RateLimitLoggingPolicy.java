package io.opsflow.azure;

import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;

/**
 * Logs ARM's remaining request budget ({@code x-ms-ratelimit-remaining-*}) and request id of every
 * answer at debug, so throttling can be foreseen; nothing else of the exchange is logged here.
 */
final class RateLimitLoggingPolicy extends HttpPipelineSyncPolicy {

    private static final Logger log = LoggerFactory.getLogger(RateLimitLoggingPolicy.class);

    @Override
    protected HttpResponse afterReceivedResponse(HttpPipelineCallContext context, HttpResponse response) {
        if (log.isDebugEnabled()) {
            String remaining = StreamSupport.stream(response.getHeaders().spliterator(), false)
                    .filter(h -> h.getName().toLowerCase().startsWith("x-ms-ratelimit-remaining-"))
                    .map(h -> h.getName().toLowerCase() + "=" + h.getValue())
                    .collect(Collectors.joining(", "));
            log.debug("ARM {} {} -> {} (x-ms-request-id {}){}", context.getHttpRequest().getHttpMethod(),
                    context.getHttpRequest().getUrl().getPath(), response.getStatusCode(),
                    response.getHeaderValue("x-ms-request-id"), remaining.isEmpty() ? "" : " " + remaining);
        }
        return response;
    }
}
