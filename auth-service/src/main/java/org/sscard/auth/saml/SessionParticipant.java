package org.sscard.auth.saml;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An SP this IdP session has sent an assertion to, as single logout needs it: the provider, the NameID it was given
 * (with the format and the SP's entity ID as SPNameQualifier) and the session index. The list lives in the IdP's
 * session, so it ends with it.
 */
record SessionParticipant(
        String providerKey, String spEntityId, String nameId, String nameIdFormat, String sessionIndex)
        implements Serializable {

    static final String ATTRIBUTE = "sscard.saml.participants";

    /** Remembers {@code participant} (once per provider: the latest NameID and index replace earlier ones). */
    static void joined(HttpSession session, SessionParticipant participant) {
        List<SessionParticipant> updated = new ArrayList<>(of(session));
        updated.removeIf(p -> p.providerKey().equals(participant.providerKey()));
        updated.add(participant);
        session.setAttribute(ATTRIBUTE, List.copyOf(updated));
    }

    /** Forgets the provider (it ended its own session, so the IdP need not tell it). */
    static void left(HttpSession session, String providerKey) {
        List<SessionParticipant> updated = new ArrayList<>(of(session));
        updated.removeIf(p -> p.providerKey().equals(providerKey));
        session.setAttribute(ATTRIBUTE, List.copyOf(updated));
    }

    @SuppressWarnings("unchecked")
    static List<SessionParticipant> of(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof List<?> list ? (List<SessionParticipant>) list : List.of();
    }
}
