package io.opsflow.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first administrator, created once on an empty identity store. Set through
 * {@code OPSFLOW_ADMIN_USER} / {@code OPSFLOW_ADMIN_PASSWORD}; without a password one is generated.
 */
@ConfigurationProperties("opsflow.admin")
public record AdminProperties(@DefaultValue("admin") String user, String password) {

    @Override
    public String toString() {
        return "AdminProperties[user=" + user + ", password=" + (password == null ? "<generate>" : "<set>") + "]";
    }
}
