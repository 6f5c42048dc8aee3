package org.sscard.hospital.saml;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The hospital's SAML sessions by the patient's NameID and the IdP's session index, so that a LogoutRequest from the
 * IdP's back channel (which carries no browser cookie) can find and end them. In memory, like the sessions
 * themselves; a session leaves when it ends.
 */
@Component
public class SamlSessions implements HttpSessionListener {

    private static final String KEY = "sscard.saml.logout-key";

    /** A session as single logout names it. */
    record Key(String nameId, String sessionIndex) {}

    private final Map<String, Set<HttpSession>> byNameId = new ConcurrentHashMap<>();

    void register(HttpSession session, String nameId, List<String> sessionIndexes) {
        session.setAttribute(KEY, new Key(nameId, sessionIndexes.isEmpty() ? null : sessionIndexes.get(0)));
        byNameId.computeIfAbsent(nameId, n -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** Ends the sessions of {@code nameId} with one of {@code sessionIndexes} (none given: all of them). */
    int end(String nameId, List<String> sessionIndexes) {
        Set<HttpSession> sessions = byNameId.getOrDefault(nameId, Set.of());
        int ended = 0;
        for (HttpSession session : List.copyOf(sessions)) {
            Key key = key(session);
            if (key != null && (sessionIndexes.isEmpty() || sessionIndexes.contains(key.sessionIndex()))) {
                sessions.remove(session);
                try {
                    session.invalidate();
                    ended++;
                } catch (IllegalStateException alreadyEnded) {
                    // ended meanwhile
                }
            }
        }
        return ended;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Key key = key(event.getSession());
        if (key != null) {
            Set<HttpSession> sessions = byNameId.get(key.nameId());
            if (sessions != null) {
                sessions.remove(event.getSession());
                byNameId.computeIfPresent(key.nameId(), (n, s) -> s.isEmpty() ? null : s);
            }
        }
    }

    private static Key key(HttpSession session) {
        try {
            return session.getAttribute(KEY) instanceof Key key ? key : null;
        } catch (IllegalStateException ended) {
            return null;
        }
    }
}
