package org.sscard.auth.operator;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What the token endpoint needs for the operator-action grant: its request converter, its provider and its error
 * responses in front of the others. One bean, so that no lone {@link AuthenticationProvider} bean ends up in
 * Spring's global authentication.
 */
public record OperatorActionEndpoint(AuthenticationConverter converter, AuthenticationProvider provider) {

    /** The grant's error responses; any other error is {@code others}'. */
    public AuthenticationFailureHandler errorsBefore(AuthenticationFailureHandler others) {
        return new OperatorErrorResponses(others);
    }
}
