package org.sscard.auth.oidc;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.sscard.auth.login.CardAuthentication;
import org.sscard.auth.login.LoginProfile;
import org.sscard.auth.session.SessionLifetimeFilter;

/**
 * Decides, at the authorization endpoint, whether the browser's card session may answer this authorization request
 * or a fresh card login is needed first:
 *
 * <ul>
 *   <li>the session's card profile must be the one the client serves (its {@code login-profile}): a clerk's staff
 *       session never answers a resident client (a reception desk asking for the patient's login) and a resident's
 *       session never answers a staff client;
 *   <li>{@code prompt=login} (OpenID Connect Core §3.1.2.1) always asks for the card again;
 *   <li>{@code max_age}: a card login older than that many seconds is asked for again.
 * </ul>
 *
 * A fresh login is asked for by treating this request as unauthenticated: the authorization request is saved and
 * the browser sent to the card login of the client's profile ({@link CardLoginEntryPoint}); the session itself is
 * replaced only when the new card login succeeds. So that the request, replayed after that login, is then answered
 * (not sent to log in again forever), the session remembers which request asked and when; a card login after that
 * satisfies {@code prompt=login} and {@code max_age} for exactly that request, once.
 */
final class FreshLoginFilter extends OncePerRequestFilter {

    static final String ASKED = FreshLoginFilter.class.getName() + ".asked";

    private final RegisteredClientRepository clients;
    private final Clock clock;
    private final SecurityContextHolderStrategy holders = SecurityContextHolder.getContextHolderStrategy();

    FreshLoginFilter(RegisteredClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"/oauth2/authorize"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()))
                || request.getParameter("response_type") == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holders.getContext().getAuthentication();
        String clientId = request.getParameter("client_id");
        RegisteredClient client = clientId == null ? null : clients.findByClientId(clientId);
        if (authentication instanceof CardAuthentication card && client != null && !mayAnswer(card, client, request)) {
            // this request only: the session (and whoever is logged in) stays until a new card login replaces it
            holders.setContext(holders.createEmptyContext());
        }
        chain.doFilter(request, response);
    }

    private boolean mayAnswer(CardAuthentication card, RegisteredClient client, HttpServletRequest request) {
        String profile = client.getClientSettings().getSetting(RegisteredClients.LOGIN_PROFILE);
        if (profile == null || card.holder().profile() != LoginProfile.valueOf(profile)) {
            return false;
        }
        boolean promptLogin = request.getParameter("prompt") != null
                && Arrays.asList(request.getParameter("prompt").split(" ")).contains("login");
        String maxAge = request.getParameter("max_age");
        if (!promptLogin && maxAge == null) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Instant loggedInAt = session == null
                ? null
                : session.getAttribute(SessionLifetimeFilter.LOGGED_IN_AT) instanceof Instant at ? at : null;
        Instant now = clock.instant();
        String thisRequest = canonical(request);
        if (session != null
                && loggedInAt != null
                && session.getAttribute(ASKED) instanceof Asked asked
                && asked.request().equals(thisRequest)
                && loggedInAt.isAfter(asked.at())) {
            // the card login this very request asked for: answer it, once
            session.removeAttribute(ASKED);
            return true;
        }
        if (!promptLogin && loggedInAt != null && recentEnough(loggedInAt, maxAge, now)) {
            return true;
        }
        request.getSession(true).setAttribute(ASKED, new Asked(thisRequest, now));
        return false;
    }

    /** Within {@code max_age} seconds of the card login (a malformed or negative value asks for a login). */
    private static boolean recentEnough(Instant loggedInAt, String maxAge, Instant now) {
        long seconds;
        try {
            seconds = Long.parseLong(maxAge);
        } catch (NumberFormatException e) {
            return false;
        }
        return seconds >= 0 && now.isBefore(loggedInAt.plus(Duration.ofSeconds(Math.min(seconds, 3_153_600_000L))));
    }

    /**
     * The request's parameters, sorted: the same authorization request replayed after the login compares equal
     * (without the {@code continue} marker Spring's request cache adds to the saved request's URL).
     */
    private static String canonical(HttpServletRequest request) {
        Map<String, String> sorted = new TreeMap<>();
        request.getParameterMap().forEach((name, values) -> sorted.put(name, String.join(" ", values)));
        sorted.remove("continue");
        return sorted.toString();
    }

    /** Which authorization request asked for a fresh card login, and when. */
    record Asked(String request, Instant at) implements Serializable {}
}
