package org.sscard.console.backend;

import java.util.List;

/** One page of an insurer's dependant verifications, oldest submission first. */
public record VerificationPage(List<Verification> items, int page, int size, long total) {

    public VerificationPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long pages() {
        return size == 0 ? 0 : (total + size - 1) / size;
    }
}
