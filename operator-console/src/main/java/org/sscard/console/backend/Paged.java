package org.sscard.console.backend;

import java.util.List;

/**
 * A page of a list whose back end may or may not say how long the list is: with a total, the pages are counted;
 * without one, a full page means there may be another.
 */
public interface Paged {

    /** The page size the back ends use when none is asked for. */
    int DEFAULT_SIZE = 50;

    List<?> items();

    Integer page();

    Integer size();

    Long total();

    default int number() {
        return page() == null ? 0 : page();
    }

    default boolean hasPrevious() {
        return number() > 0;
    }

    default boolean hasNext() {
        int size = size() == null || size() <= 0 ? DEFAULT_SIZE : size();
        if (total() != null) {
            return (long) (number() + 1) * size < total();
        }
        return items().size() >= size;
    }
}
