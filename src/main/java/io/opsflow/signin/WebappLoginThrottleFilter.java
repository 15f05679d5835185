package io.opsflow.signin;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the Camunda webapps' own login ({@code POST .../api/admin/auth/user/{engine}/login/{app}},
 * which calls {@code IdentityService.checkPassword}) under the same {@link SignInThrottle} as HTTP
 * Basic: a throttled login is answered 429 here and never reaches Camunda; Camunda's answer
 * decides whether the attempt counts as a failure (401) or a success (200).
 */
public class WebappLoginThrottleFilter extends OncePerRequestFilter {

    /** Relative to the webapps' path ({@code camunda.bpm.webapp.application-path}). */
    private static final Pattern LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login/[^/]*/?");

    private final SignInThrottle throttle;
    private final ObjectMapper json;
    private final String applicationPath;

    public WebappLoginThrottleFilter(SignInThrottle throttle, ObjectMapper json, String applicationPath) {
        this.throttle = throttle;
        this.json = json;
        this.applicationPath = applicationPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith(applicationPath)
                || !LOGIN.matcher(path.substring(applicationPath.length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Camunda reads the form with @FormParam, which falls back to the parsed parameters.
        String userId = request.getParameter("username");
        String clientAddress = request.getRemoteAddr();
        Optional<Duration> wait = throttle.refusal(userId, clientAddress);
        if (wait.isPresent()) {
            writeTooManyRequests(json, response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(userId, clientAddress);
        } else if (response.getStatus() == HttpServletResponse.SC_OK) {
            throttle.succeeded(userId);
        }
    }

    /** 429 with {@code Retry-After} in whole seconds and a problem+json body saying why, as for HTTP Basic. */
    private static void writeTooManyRequests(ObjectMapper json, HttpServletResponse response, Duration wait) throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(SignInThrottledException.seconds(wait)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(),
                ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, SignInThrottledException.message(wait)));
    }
}
