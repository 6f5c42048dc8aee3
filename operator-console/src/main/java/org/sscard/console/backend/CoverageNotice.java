package org.sscard.console.backend;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A previous-coverage notice the insurer received through the relay (資格喪失の連絡): for its own member, the previous
 * insurer's name and the day that coverage was lost; nothing else about the previous insurer.
 */
public record CoverageNotice(
        String localId,
        String nameKanji,
        String previousInsurerNameJa,
        String previousInsurerNameEn,
        LocalDate lostOn,
        Instant receivedAt) {

    /** One page of notices, newest first; {@code page}, {@code size} and {@code total} when the back end says them. */
    public record Page(List<CoverageNotice> items, Integer page, Integer size, Long total) implements Paged {
        public Page {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
