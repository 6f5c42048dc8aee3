package org.sscard.auth.certificate.revocation;

import java.time.Instant;
import org.sscard.common.pki.RevocationReason;

/** What a revocation source says about one certificate. */
public sealed interface RevocationStatus {

    /** The source that answered (e.g. {@code OCSP http://…}, {@code CRL}), for audit and detail messages. */
    String source();

    record Good(String source) implements RevocationStatus {}

    /** Revoked; {@code reason} is {@code unspecified} when the source gives none. */
    record Revoked(String source, RevocationReason reason, Instant revokedAt) implements RevocationStatus {
        public boolean onHold() {
            return reason == RevocationReason.certificateHold;
        }
    }

    /** The source could not say (unreachable, no data, untrusted or stale answer). */
    record Unknown(String source, String why) implements RevocationStatus {}
}
