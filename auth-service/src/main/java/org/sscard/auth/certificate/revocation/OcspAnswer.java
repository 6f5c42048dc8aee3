package org.sscard.auth.certificate.revocation;

import java.time.Duration;
import java.time.Instant;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.sscard.common.pki.RevocationReason;

/**
 * The status a trusted OCSP response gives for one certificate, if it is current: thisUpdate not in the future,
 * nextUpdate not passed (within the clock skew). A response without nextUpdate is used once and not cached.
 */
record OcspAnswer(RevocationStatus status, Instant cacheUntil) {

    static OcspAnswer read(BasicOCSPResp response, CertificateID id, String source, Instant at, Duration skew) {
        for (SingleResp single : response.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            Instant thisUpdate = single.getThisUpdate().toInstant();
            Instant nextUpdate = single.getNextUpdate() == null
                    ? null
                    : single.getNextUpdate().toInstant();
            if (thisUpdate.isAfter(at.plus(skew))) {
                return unknown(source, "response thisUpdate " + thisUpdate + " is in the future");
            }
            if (nextUpdate != null && nextUpdate.isBefore(at.minus(skew))) {
                return unknown(source, "stale response, nextUpdate " + nextUpdate);
            }
            if (nextUpdate == null && thisUpdate.isBefore(at.minus(skew))) {
                return unknown(source, "response without nextUpdate is older than " + skew);
            }
            return new OcspAnswer(statusOf(single.getCertStatus(), source), nextUpdate);
        }
        return unknown(source, "response does not cover the certificate");
    }

    private static RevocationStatus statusOf(CertificateStatus status, String source) {
        if (status == CertificateStatus.GOOD) {
            return new RevocationStatus.Good(source);
        }
        if (status instanceof RevokedStatus revoked) {
            RevocationReason reason = revoked.hasRevocationReason()
                    ? reasonOf(revoked.getRevocationReason())
                    : RevocationReason.unspecified;
            return new RevocationStatus.Revoked(
                    source, reason, revoked.getRevocationTime().toInstant());
        }
        return new RevocationStatus.Unknown(source, "responder does not know the certificate");
    }

    private static RevocationReason reasonOf(int code) {
        try {
            return RevocationReason.ofCode(code);
        } catch (IllegalArgumentException notInRfc5280) {
            return RevocationReason.unspecified;
        }
    }

    private static OcspAnswer unknown(String source, String why) {
        return new OcspAnswer(new RevocationStatus.Unknown(source, why), null);
    }
}
