package org.sscard.auth.saml;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.relay.RelayUnavailableException;
import org.sscard.auth.session.SessionLifetimeFilter;
import org.sscard.auth.web.RefusalPage;

/**
 * SSO, top to bottom. An AuthnRequest (Redirect or POST binding) is checked before anyone logs in and parked under a
 * random handle; the browser goes on to {@code /saml/idp/sso/resume}, which needs the card-login session (without
 * one, the security chain sends the browser to the card login and back). There, or at IdP-initiated
 * {@code /saml/idp/init/{provider}} (only for an SP whose registration asks for it), the assertion is released and
 * posted to the SP's ACS, or the person sees why not.
 */
@Controller
class SsoController {

    static final RefusalPage REFUSAL_PAGE =
            new RefusalPage("Sscard-Sso-Refusal", "連携できませんでした", "Sign-in to the service refused");

    private static final Logger log = LoggerFactory.getLogger(SsoController.class);
    private static final String SESSION_INDEX = "sscard.saml.sessionIndex";

    private final AuthnRequestCheck checks;
    private final ExpiringStore<CheckedRequest> parked;
    private final SpDirectory sps;
    private final AssertionRelease release;
    private final SamlProperties properties;
    private final Clock clock;

    SsoController(
            AuthnRequestCheck checks,
            ExpiringStore<CheckedRequest> parked,
            SpDirectory sps,
            AssertionRelease release,
            SamlProperties properties,
            Clock clock) {
        this.checks = checks;
        this.parked = parked;
        this.sps = sps;
        this.release = release;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(SamlPaths.SSO)
    void redirectBinding(HttpServletRequest request, HttpServletResponse response) throws IOException {
        park(checks.check(RedirectBinding.decode(request.getQueryString())), response);
    }

    @PostMapping(SamlPaths.SSO)
    void postBinding(
            @RequestParam(name = "SAMLRequest", required = false) String samlRequest,
            @RequestParam(name = "RelayState", required = false) String relayState,
            HttpServletResponse response)
            throws IOException {
        park(checks.check(PostBinding.decode(samlRequest, relayState)), response);
    }

    @GetMapping(SamlPaths.RESUME)
    void resume(
            @RequestParam("request") String handle,
            @AuthenticationPrincipal CardHolder holder,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        CheckedRequest to = parked.take(handle)
                .orElseThrow(
                        () -> new SsoRefusedException(SsoRefusal.EXPIRED_CONTINUATION, "unknown or expired handle"));
        if (to.forceAuthn() && !loggedInSince(request.getSession(), to.checkedAt())) {
            requireFreshCardLogin(handle, to, request.getSession());
        }
        answer(to, holder, request, response);
    }

    @GetMapping(SamlPaths.INIT + "{provider}")
    void idpInitiated(
            @PathVariable String provider,
            @RequestParam(name = "RelayState", required = false) String relayState,
            @AuthenticationPrincipal CardHolder holder,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        ServiceProvider sp = sps.byProviderKey(provider)
                .orElseThrow(() -> new SsoRefusedException(SsoRefusal.UNKNOWN_SP, "no SAML SP " + provider));
        if (!sp.unsolicitedSso()) {
            throw new SsoRefusedException(
                    SsoRefusal.UNSOLICITED_NOT_REGISTERED, provider + " answers only its own AuthnRequests");
        }
        if (relayState != null && relayState.length() > 80) {
            throw new SsoRefusedException(SsoRefusal.MALFORMED_REQUEST, "RelayState longer than 80 bytes");
        }
        answer(
                new CheckedRequest(sp, sp.defaultAcs().location(), null, relayState, false, clock.instant()),
                holder,
                request,
                response);
    }

    @ExceptionHandler(SsoRefusedException.class)
    void refused(SsoRefusedException e, HttpServletResponse response) throws IOException {
        log.atWarn()
                .setMessage("SAML request refused: " + e.refusal())
                .addKeyValue("event.reason", e.refusal().name())
                .addKeyValue("sscard.saml.detail", e.getMessage())
                .log();
        REFUSAL_PAGE.write(response, e.refusal());
    }

    @ExceptionHandler(RelayUnavailableException.class)
    void relayDown(HttpServletResponse response) throws IOException {
        REFUSAL_PAGE.write(response, SsoRefusal.RELAY_UNAVAILABLE);
    }

    private void park(CheckedRequest checked, HttpServletResponse response) throws IOException {
        String handle = XmlSigner.newId().substring(1);
        if (!parked.putIfAbsent(handle, checked, clock.instant().plus(properties.requestMaxAge()))) {
            throw new SsoRefusedException(SsoRefusal.RELAY_UNAVAILABLE, "too many requests waiting");
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", properties.url(SamlPaths.RESUME) + "?request=" + handle);
    }

    private void answer(CheckedRequest to, CardHolder holder, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        HttpSession session = request.getSession();
        Instant loggedInAt = loggedInAt(session);
        String sessionIndex = (String) session.getAttribute(SESSION_INDEX);
        if (sessionIndex == null) {
            sessionIndex = XmlSigner.newId();
            session.setAttribute(SESSION_INDEX, sessionIndex);
        }
        AssertionRelease.Released released = release.release(to, holder, loggedInAt, sessionIndex);
        // single logout will tell this SP when the IdP session ends
        SessionParticipant.joined(
                session,
                new SessionParticipant(
                        to.sp().providerKey(),
                        to.sp().entityId(),
                        released.nameId(),
                        to.sp().nameIdFormat(),
                        sessionIndex));
        PostForm.write(response, to.acsUrl(), released.xml(), to.relayState());
    }

    private Instant loggedInAt(HttpSession session) {
        return Optional.ofNullable((Instant) session.getAttribute(SessionLifetimeFilter.LOGGED_IN_AT))
                .orElseGet(clock::instant);
    }

    /** ForceAuthn: the card login came after the request; a session that does not say when it logged in has not. */
    private static boolean loggedInSince(HttpSession session, Instant requested) {
        Instant loggedInAt = (Instant) session.getAttribute(SessionLifetimeFilter.LOGGED_IN_AT);
        return loggedInAt != null && !loggedInAt.isBefore(requested);
    }

    /**
     * ForceAuthn (SAML core §3.4.1): the card login this session holds is older than the request, so the request is
     * parked again under the same handle, the session's login is dropped (not the session: the saved request and the
     * SPs' participations stay), and the security chain sends the browser to the card login, which returns here.
     */
    private void requireFreshCardLogin(String handle, CheckedRequest to, HttpSession session) {
        parked.putIfAbsent(handle, to, to.checkedAt().plus(properties.requestMaxAge()));
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.clearContext();
        throw new InsufficientAuthenticationException("ForceAuthn: a card login after the request is required");
    }
}
