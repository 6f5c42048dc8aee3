package org.sscard.issuer.enrolment;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.common.operator.Operator;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.audit.IssuerAudit;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.issuance.IssuanceService;
import org.sscard.issuer.issuance.IssuedCard;

/**
 * Enrolment codes: an operator makes one for a registered, active person; at the counter the person's own PKCS#11
 * token (its key generated on it) is certified with it, once, as that person's resident card. The code is the
 * credential of the redemption, so it is short-lived, single use, bound to one person, and stored as a hash only.
 */
@Service
class EnrolmentService {

    /** A new code as the operator sees it (grouped), and when it expires. */
    record Created(String code, Instant expiresAt) {}

    private final EnrolmentCodes codes;
    private final IssuanceService issuance;
    private final IssuerAudit audit;
    private final EnrolmentProperties properties;
    private final TransactionTemplate transactions;

    EnrolmentService(
            EnrolmentCodes codes,
            IssuanceService issuance,
            IssuerAudit audit,
            EnrolmentProperties properties,
            PlatformTransactionManager transactionManager) {
        this.codes = codes;
        this.issuance = issuance;
        this.audit = audit;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Only an operator makes a code: it is bound to them (a client's own token names nobody to bind it to). */
    Created create(UUID person, Optional<Operator> operator) {
        if (operator.isEmpty()) {
            audit.refused("ENROL", "FORBIDDEN: an enrolment code is made by an operator", person.toString(), null);
            throw new IssuerException(CommonError.FORBIDDEN, "an enrolment code is made by an operator");
        }
        issuance.requireResident("ENROL", person);
        String code = EnrolmentCode.generate();
        return transactions.execute(status -> {
            Instant expiresAt = codes.create(
                    EnrolmentCode.sha256(code),
                    person,
                    UUID.fromString(operator.get().staffId()),
                    properties.validity());
            audit.accepted("ENROLMENT_CODE", person.toString(), null);
            return new Created(EnrolmentCode.grouped(code), expiresAt);
        });
    }

    /**
     * Consumes the code and certifies the CSR's key as the resident card of the person the code is bound to, in one
     * transaction: a refused issuance (wrong CSR, inactive person, a second active card) leaves the code unused.
     */
    IssuedCard redeem(String typedCode, String csrPem, String cardSerial) {
        Optional<String> code = EnrolmentCode.canonical(typedCode);
        return issuance.issueForEnrolment(csrPem, cardSerial, card -> {
            EnrolmentCodes.Consumed consumed = code.flatMap(c -> codes.consume(EnrolmentCode.sha256(c), card))
                    .orElseThrow(() -> new IssuerException(
                            IssuerError.ENROLMENT_CODE_INVALID, "unknown, used or expired enrolment code"));
            audit.accepted(
                    "ENROLMENT_CODE_REDEEMED",
                    consumed.person().toString(),
                    null,
                    "code made by staff:" + consumed.operatorStaffId() + ", for card " + card);
            return consumed.person();
        });
    }
}
