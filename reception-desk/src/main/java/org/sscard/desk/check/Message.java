package org.sscard.desk.check;

/** An outcome in words, Japanese and English. */
public record Message(String ja, String en) implements java.io.Serializable {}
