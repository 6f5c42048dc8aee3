package org.sscard.reception.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * RFC 7636 with S256: a fresh 256-bit code verifier per login, sent only to the token endpoint; the authorization
 * request carries its SHA-256. The {@code state} is as random and binds the loopback callback to this login.
 */
record Pkce(String verifier, String challenge, String state) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    static Pkce create() {
        String verifier = random();
        return new Pkce(verifier, challengeOf(verifier), random());
    }

    static String challengeOf(String verifier) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "Pkce[redacted]";
    }
}
