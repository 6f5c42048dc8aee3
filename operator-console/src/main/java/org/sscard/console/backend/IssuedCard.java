package org.sscard.console.backend;

import java.time.Instant;

/**
 * A soft card the card issuer made: its serials and the PKCS#12 (protected by the PIN typed at the counter). The
 * bytes are handed to the operator's browser once and are never written anywhere by the console.
 */
public record IssuedCard(String cardSerial, String certificateSerial, Instant notAfter, byte[] pkcs12) {}
