package org.sscard.console.backend;

import java.time.Instant;

/**
 * A one-time enrolment code for a token card (20 characters of Crockford base32), shown once to the operator at the
 * counter, grouped by five for reading out and typing.
 */
public record EnrolmentCode(String code, Instant expiresAt) {

    /** {@code XXXXX-XXXXX-XXXXX-XXXXX}, whatever grouping the issuer answered with. */
    public String grouped() {
        String plain = code.replace("-", "").replace(" ", "");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i += 5) {
            if (i > 0) {
                out.append('-');
            }
            out.append(plain, i, Math.min(plain.length(), i + 5));
        }
        return out.toString();
    }
}
