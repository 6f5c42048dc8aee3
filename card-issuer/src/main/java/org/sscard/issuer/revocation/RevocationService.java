package org.sscard.issuer.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.common.pki.RevocationReason;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.audit.IssuerAudit;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.relay.RelayClient;

/**
 * Hold ("lost, maybe found"), resume, and revocation with its RFC 5280 reason. Each change updates the CA's
 * register, publishes a new CRL, clears cached OCSP answers and updates the relay's card status, all in one
 * operation: if the relay cannot be told, nothing changes.
 */
@Service
public class RevocationService {

    private final CertificateRecords records;
    private final CrlPublisher crls;
    private final OcspResponder ocsp;
    private final RelayClient relay;
    private final IssuerAudit audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RevocationService(
            CertificateRecords records,
            CrlPublisher crls,
            OcspResponder ocsp,
            RelayClient relay,
            IssuerAudit audit,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.records = records;
        this.crls = crls;
        this.ocsp = ocsp;
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public IssuedCertificate suspend(String serial) {
        return audited("SUSPEND", serial, () -> {
            IssuedCertificate certificate = require(serial);
            if (certificate.status() != CertificateStatus.GOOD) {
                throw new IssuerException(
                        certificate.status() == CertificateStatus.REVOKED
                                ? IssuerError.ALREADY_REVOKED
                                : IssuerError.INVALID_STATE_CHANGE,
                        "only a good certificate can be put on hold; this one is " + certificate.status());
            }
            return change(certificate, CertificateStatus.ON_HOLD, RevocationReason.certificateHold, "SUSPENDED");
        });
    }

    public IssuedCertificate resume(String serial) {
        return audited("RESUME", serial, () -> {
            IssuedCertificate certificate = require(serial);
            if (certificate.status() != CertificateStatus.ON_HOLD) {
                throw new IssuerException(
                        certificate.status() == CertificateStatus.REVOKED
                                ? IssuerError.ALREADY_REVOKED
                                : IssuerError.INVALID_STATE_CHANGE,
                        "only a certificate on hold can be resumed; this one is " + certificate.status());
            }
            return change(certificate, CertificateStatus.GOOD, null, "ACTIVE");
        });
    }

    public IssuedCertificate revoke(String serial, RevocationReason reason) {
        return audited("REVOKE", serial, () -> {
            if (reason == RevocationReason.certificateHold || reason == RevocationReason.removeFromCRL) {
                throw new IssuerException(
                        CommonError.INVALID_FIELD, "revoke with a final reason; a hold is a suspension");
            }
            IssuedCertificate certificate = require(serial);
            if (certificate.status() == CertificateStatus.REVOKED) {
                throw new IssuerException(
                        IssuerError.ALREADY_REVOKED,
                        "revoked already on " + certificate.revokedAt() + " (" + certificate.revocationReason() + ")");
            }
            return change(certificate, CertificateStatus.REVOKED, reason, "REVOKED");
        });
    }

    /** The certificate serial of a card, for the card-oriented API. */
    public String serialOfCard(String cardSerial) {
        return records.byCardSerial(cardSerial).map(IssuedCertificate::serial).orElseThrow(() -> {
            audit.refused("LOOKUP", "unknown card", null, null);
            return new IssuerException(IssuerError.UNKNOWN_CERTIFICATE, "no card " + cardSerial);
        });
    }

    private IssuedCertificate change(
            IssuedCertificate certificate, CertificateStatus status, RevocationReason reason, String relayStatus) {
        Instant now = clock.instant();
        records.changeStatus(certificate.serial(), status, reason == null ? null : reason.name(), now);
        crls.publish(certificate.issuer());
        if (certificate.cardSerial() != null) {
            String relayReason = "REVOKED".equals(relayStatus) ? reason.name() : null;
            relay.changeCardStatus(certificate.cardSerial(), relayStatus, relayReason);
        }
        ocsp.statusChanged();
        audit.accepted(
                status == CertificateStatus.GOOD ? "RESUMED" : status.name(),
                certificate.holderRef(),
                certificate.serial());
        return records.bySerial(certificate.serial()).orElseThrow();
    }

    private IssuedCertificate require(String serial) {
        String normalised = normalise(serial);
        return records.bySerialForUpdate(normalised)
                .orElseThrow(() -> new IssuerException(
                        IssuerError.UNKNOWN_CERTIFICATE, "no certificate with serial " + normalised));
    }

    static String normalise(String serial) {
        if (serial == null || !serial.matches("[0-9a-fA-F]{1,64}")) {
            throw new IssuerException(CommonError.MALFORMED_REQUEST, "a certificate serial is 1-64 hex digits");
        }
        return serial.toLowerCase(java.util.Locale.ROOT).replaceFirst("^0+(?=.)", "");
    }

    /**
     * Runs the work in a transaction (joining the caller's, if any) and records a refusal after it has rolled
     * back: see IssuanceService#audited for why the refusal must not be written while a connection is held.
     */
    private <T> T audited(String action, String serial, Supplier<T> work) {
        try {
            return transactions.execute(status -> work.get());
        } catch (IssuerException e) {
            audit.refused(action, e.error() + ": " + e.getMessage(), null, serial);
            throw e;
        }
    }
}
