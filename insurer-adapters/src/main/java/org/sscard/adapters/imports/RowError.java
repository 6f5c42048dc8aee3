package org.sscard.adapters.imports;

/** One bad value in an import: the line the record starts on (the header is line 1), its column and why. */
public record RowError(long line, String column, String reason) {}
