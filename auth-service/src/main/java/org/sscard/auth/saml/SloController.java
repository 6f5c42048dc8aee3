package org.sscard.auth.saml;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Single logout started by an SP (the hospital's logout button): its LogoutRequest on the HTTP-Redirect binding,
 * checked like an AuthnRequest — a registered SP as Issuer, its query-string signature, fresh, addressed here, never
 * seen before — and naming the NameID this IdP session gave that SP. Then the IdP session ends (and with it, on the
 * back channel, every other SP's session: {@link SingleLogout}) and the browser goes to the "remove your card" page.
 * A request for another person's session ends nothing here; the browser still ends on that page.
 */
@Controller
class SloController {

    private static final Logger audit = LoggerFactory.getLogger("sscard.audit.saml");

    private final SpDirectory sps;
    private final ExpiringStore<Boolean> seen;
    private final SamlProperties properties;
    private final Clock clock;

    SloController(SpDirectory sps, ExpiringStore<Boolean> seenLogoutRequests, SamlProperties properties, Clock clock) {
        this.sps = sps;
        this.seen = seenLogoutRequests;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(SamlPaths.SLO)
    void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RedirectBinding.Inbound inbound = RedirectBinding.decodeMessage(request.getQueryString());
        if (!(inbound.message() instanceof LogoutRequest logout)
                || !SAMLVersion.VERSION_20.equals(logout.getVersion())
                || logout.getID() == null
                || logout.getIssueInstant() == null
                || logout.getNameID() == null) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "not a SAML 2.0 LogoutRequest with a NameID");
        }
        String issuer = logout.getIssuer() == null ? null : logout.getIssuer().getValue();
        ServiceProvider sp = (issuer == null ? java.util.Optional.<ServiceProvider>empty() : sps.byEntityId(issuer))
                .orElseThrow(() -> InboundRequest.refused(SsoRefusal.UNKNOWN_SP, "issuer not registered"));
        inbound.signature().verify(sp.signingCertificates());
        Instant now = clock.instant();
        Instant issued = logout.getIssueInstant();
        if (issued.isBefore(now.minus(properties.requestMaxAge()).minus(properties.clockSkew()))
                || issued.isAfter(now.plus(properties.clockSkew()))
                || (logout.getNotOnOrAfter() != null
                        && !now.isBefore(logout.getNotOnOrAfter().plus(properties.clockSkew())))) {
            throw InboundRequest.refused(SsoRefusal.STALE_REQUEST, "IssueInstant or NotOnOrAfter");
        }
        if (logout.getDestination() != null && !logout.getDestination().equals(properties.url(SamlPaths.SLO))) {
            throw InboundRequest.refused(SsoRefusal.WRONG_DESTINATION, "Destination");
        }
        if (!seen.putIfAbsent(
                issuer + "\n" + logout.getID(),
                Boolean.TRUE,
                issued.plus(properties.requestMaxAge())
                        .plus(properties.clockSkew())
                        .plusSeconds(1))) {
            throw InboundRequest.refused(SsoRefusal.REPLAYED_REQUEST, "LogoutRequest ID seen before");
        }
        HttpSession session = request.getSession(false);
        boolean ended = false;
        if (session != null
                && SessionParticipant.of(session).stream()
                        .anyMatch(p -> p.providerKey().equals(sp.providerKey())
                                && p.nameId().equals(logout.getNameID().getValue()))) {
            // the SP has ended its own session; the IdP's ends now, and the other SPs' with it (back channel)
            SessionParticipant.left(session, sp.providerKey());
            session.invalidate();
            SecurityContextHolder.clearContext();
            ended = true;
        }
        audit.atInfo()
                .setMessage("SAML logout requested by " + sp.providerKey() + (ended ? "" : ": no such session here"))
                .addKeyValue("event.action", "saml-logout-request")
                .addKeyValue("event.outcome", ended ? "success" : "unknown")
                .addKeyValue("sscard.saml.sp", sp.providerKey())
                .addKeyValue("sscard.saml.request_id", logout.getID())
                .log();
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", properties.loggedOutUrl().toString());
    }

    @ExceptionHandler(SsoRefusedException.class)
    void refused(SsoRefusedException e, HttpServletResponse response) throws IOException {
        audit.atWarn()
                .setMessage("SAML logout request refused: " + e.refusal())
                .addKeyValue("event.reason", e.refusal().name())
                .addKeyValue("sscard.saml.detail", e.getMessage())
                .log();
        SsoController.REFUSAL_PAGE.write(response, e.refusal());
    }
}
