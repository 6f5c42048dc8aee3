package org.sscard.desk.check;

/** The person's newer insurer, as the platform's mapping names it (its record may not be there yet). */
public record NewCoverage(String insurerKey, String nameJa, String nameEn) implements java.io.Serializable {}
