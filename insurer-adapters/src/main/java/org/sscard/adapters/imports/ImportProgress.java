package org.sscard.adapters.imports;

/** Told every so many rows how far an import is ({@code phase}: "loaded"), and at the end. */
@FunctionalInterface
public interface ImportProgress {

    void rows(String phase, long count);

    ImportProgress NONE = (phase, count) -> {};
}
