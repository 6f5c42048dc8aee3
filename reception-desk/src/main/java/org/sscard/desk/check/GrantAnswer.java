package org.sscard.desk.check;

import java.util.List;

/** auth-service's answer to the reception-check grant. */
sealed interface GrantAnswer {

    /** A token for {@code insurer}, the person's insurers (newest first) and this hospital's patient number. */
    record Granted(String accessToken, String insurer, String patientNumber, List<InsurerMapping> insurers)
            implements GrantAnswer {
        public Granted {
            insurers = List.copyOf(insurers);
        }
    }

    /** The grant's error ({@code patientNumber} only with {@code no_coverage}, when auth-service gave it). */
    record Refused(GrantError error, String patientNumber) implements GrantAnswer {}
}
