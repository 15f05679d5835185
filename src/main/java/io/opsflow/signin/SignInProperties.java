package io.opsflow.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins this node accepts within a sliding {@code window} before it answers
 * 429: per user id (any address) and per client address (any user). Set through
 * {@code OPSFLOW_SIGN_IN_*}; docs/security.md explains the numbers.
 */
@ConfigurationProperties("opsflow.sign-in")
public record SignInProperties(@DefaultValue("5") int failuresPerUser,
                               @DefaultValue("20") int failuresPerAddress,
                               @DefaultValue("PT5M") Duration window) {

    public SignInProperties {
        if (failuresPerUser < 1 || failuresPerAddress < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("opsflow.sign-in needs failures-per-user and failures-per-address of at least 1 "
                    + "and a positive window, got " + failuresPerUser + ", " + failuresPerAddress + ", " + window);
        }
    }
}
