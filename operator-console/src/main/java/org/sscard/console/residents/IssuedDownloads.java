package org.sscard.console.residents;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.util.WebUtils;
import org.sscard.console.backend.IssuedCard;

/**
 * A new soft card's PKCS#12, held in the operator's own session only until it is downloaded once (then wiped and
 * forgotten), at most {@link #KEPT_FOR}: never written to a disk or a database. The page after issuing offers it;
 * reloading the page never issues a second card.
 */
final class IssuedDownloads {

    static final Duration KEPT_FOR = Duration.ofMinutes(10);
    private static final String ATTRIBUTE = IssuedDownloads.class.getName();

    /** One card waiting for its download, for that person. */
    record Waiting(UUID personId, IssuedCard card, Instant until) {}

    private IssuedDownloads() {}

    static UUID keep(HttpSession session, UUID personId, IssuedCard card, Clock clock) {
        UUID id = UUID.randomUUID();
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<UUID, Waiting> waiting = waiting(session, clock);
            waiting.put(id, new Waiting(personId, card, clock.instant().plus(KEPT_FOR)));
            session.setAttribute(ATTRIBUTE, waiting);
        }
        return id;
    }

    /** The waiting card, still there, without taking it (the page that offers it). */
    static Waiting peek(HttpSession session, UUID personId, UUID id, Clock clock) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Waiting card = waiting(session, clock).get(id);
            return card != null && card.personId().equals(personId) ? card : null;
        }
    }

    /** The waiting card, taken: a second download finds nothing. */
    static Waiting take(HttpSession session, UUID personId, UUID id, Clock clock) {
        synchronized (WebUtils.getSessionMutex(session)) {
            Map<UUID, Waiting> waiting = waiting(session, clock);
            Waiting card = waiting.get(id);
            if (card == null || !card.personId().equals(personId)) {
                return null;
            }
            waiting.remove(id);
            session.setAttribute(ATTRIBUTE, waiting);
            return card;
        }
    }

    /** Wipes a card's bytes once they were written to the response. */
    static void wipe(Waiting card) {
        Arrays.fill(card.card().pkcs12(), (byte) 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<UUID, Waiting> waiting(HttpSession session, Clock clock) {
        Object kept = session.getAttribute(ATTRIBUTE);
        Map<UUID, Waiting> waiting =
                kept instanceof LinkedHashMap<?, ?> map ? (Map<UUID, Waiting>) map : new LinkedHashMap<>();
        Instant now = clock.instant();
        waiting.values().removeIf(card -> {
            boolean expired = card.until().isBefore(now);
            if (expired) {
                wipe(card);
            }
            return expired;
        });
        return waiting;
    }
}
