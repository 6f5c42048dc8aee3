package org.sscard.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionLifetimeFilterTest {

    private static final Instant LOGIN = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void endsSessionOlderThanTheAbsoluteLimitHoweverActive() throws Exception {
        MockHttpSession session = loggedInSession();
        filterAt(LOGIN.plus(Duration.ofHours(8)).plusSeconds(1), session);
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void keepsSessionWithinTheAbsoluteLimit() throws Exception {
        MockHttpSession session = loggedInSession();
        filterAt(LOGIN.plus(Duration.ofHours(8)), session);
        assertThat(session.isInvalid()).isFalse();
    }

    private static MockHttpSession loggedInSession() {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SessionLifetimeFilter.LOGGED_IN_AT, LOGIN);
        return session;
    }

    private static void filterAt(Instant now, MockHttpSession session) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setSession(session);
        new SessionLifetimeFilter(Duration.ofHours(8), Clock.fixed(now, ZoneOffset.UTC))
                .doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
