package org.sscard.console.backend;

import java.time.Instant;
import java.util.List;

/**
 * What the relay received from and sent to one insurer ({@code GET /api/v1/providers/<key>/linkage-log}), newest
 * first: the event's type, the insurer's own local ID it concerns, and what the relay did with it.
 */
public record LinkageLog(List<Entry> items, Integer page, Integer size, Long total) implements Paged {

    public LinkageLog {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One event: RECEIVED from the insurer or SENT to it; the outcome of a received one (LINKED, IN_REVIEW, …). */
    public record Entry(Instant at, String direction, String type, String subject, String outcome) {}
}
