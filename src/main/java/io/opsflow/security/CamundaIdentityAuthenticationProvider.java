package io.opsflow.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.opsflow.signin.SignInThrottle;

/**
 * Checks HTTP Basic credentials against Camunda's identity store (the same users that log in to
 * Tasklist) and maps groups to roles. A user or client address with too many recent failures is
 * refused by {@link SignInThrottle} before the password is checked.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final SignInThrottle throttle;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, SignInThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        String clientAddress = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.checkAllowed(userId, clientAddress);
        if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
            throttle.failed(userId, clientAddress);
            throw new BadCredentialsException("Bad credentials");
        }
        throttle.succeeded(userId);
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities(userId));
    }

    private List<GrantedAuthority> authorities(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority("GROUP_" + group.getId()));
            String role = Roles.ROLE_BY_GROUP.get(group.getId());
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        }
        return authorities;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
