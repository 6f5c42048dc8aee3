package org.sscard.auth.reception;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * What the token endpoint needs for the reception-check grant: its request converter, its provider and the error
 * responses. One bean, so that no lone {@link AuthenticationProvider} bean ends up in Spring's global authentication.
 */
public record ReceptionCheckEndpoint(
        AuthenticationConverter converter, AuthenticationProvider provider, AuthenticationFailureHandler errors) {}
