package org.sscard.hospital.saml;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.saml2.provider.service.authentication.Saml2AuthenticatedPrincipal;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.sscard.hospital.config.HospitalProperties;

/**
 * The SAML session's two ends. At login, the session is registered under the patient's NameID and the IdP's
 * session index, so that the IdP's back-channel LogoutRequest can end it; then on to the page asked for (or
 * {@code /records}). At the hospital's own logout (the local session already ended), the browser goes to the IdP
 * with a signed LogoutRequest (HTTP-Redirect binding) naming that NameID and index: the IdP session ends too (and,
 * on its back channel, the other services'), and the IdP sends the browser to the "remove your card" page. Without
 * the IdP's single logout endpoint, the hospital's start page.
 */
@Configuration
class SamlSessionHandlers {

    @Bean
    AuthenticationSuccessHandler samlLoginSuccess(SamlSessions sessions) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/records");
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof Saml2AuthenticatedPrincipal principal) {
                sessions.register(request.getSession(), principal.getName(), principal.getSessionIndexes());
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    @Bean
    LogoutSuccessHandler samlLogoutSuccess(
            IdpMetadataSource idp, SpSigningKey signingKey, HospitalProperties properties, Clock clock) {
        return (HttpServletRequest request, HttpServletResponse response, Authentication authentication) -> {
            IdpDescriptor trusted = idp.current().orElse(null);
            if (trusted == null
                    || trusted.sloRedirectUrl() == null
                    || authentication == null
                    || !(authentication.getPrincipal() instanceof Saml2AuthenticatedPrincipal principal)) {
                response.sendRedirect("/");
                return;
            }
            LogoutRequest logout = LogoutMessages.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
            logout.setID(LogoutMessages.newId());
            var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            logout.setIssueInstant(now);
            logout.setNotOnOrAfter(now.plusSeconds(300));
            logout.setDestination(trusted.sloRedirectUrl());
            Issuer issuer = LogoutMessages.build(Issuer.DEFAULT_ELEMENT_NAME);
            issuer.setFormat(NameIDType.ENTITY);
            issuer.setValue(properties.entityId());
            logout.setIssuer(issuer);
            NameID nameId = LogoutMessages.build(NameID.DEFAULT_ELEMENT_NAME);
            nameId.setFormat(NameIDType.PERSISTENT);
            nameId.setNameQualifier(trusted.entityId());
            nameId.setSPNameQualifier(properties.entityId());
            nameId.setValue(principal.getName());
            logout.setNameID(nameId);
            for (String index : principal.getSessionIndexes()) {
                SessionIndex sessionIndex = LogoutMessages.build(SessionIndex.DEFAULT_ELEMENT_NAME);
                sessionIndex.setValue(index);
                logout.getSessionIndexes().add(sessionIndex);
            }
            redirect(response, LogoutMessages.redirectUrl(trusted.sloRedirectUrl(), logout, signingKey));
        };
    }

    private static void redirect(HttpServletResponse response, String location) throws IOException {
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", location);
    }
}
