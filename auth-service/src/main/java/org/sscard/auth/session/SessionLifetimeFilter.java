package org.sscard.auth.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session limit: a session older than {@code absoluteTimeout} since its card login ends, however
 * active it is. (The idle limit is the servlet session timeout, {@code server.servlet.session.timeout}.)
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {

    /** Set by the card login: the {@link Instant} of the login. */
    public static final String LOGGED_IN_AT = "sscard.auth.loggedInAt";

    private final Duration absoluteTimeout;
    private final Clock clock;

    public SessionLifetimeFilter(Duration absoluteTimeout, Clock clock) {
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null
                && session.getAttribute(LOGGED_IN_AT) instanceof Instant loggedInAt
                && clock.instant().isAfter(loggedInAt.plus(absoluteTimeout))) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
