package org.sscard.auth.login;

import org.bouncycastle.asn1.x500.style.BCStyle;
import org.sscard.common.id.InvalidPersonalIdException;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;

/** The resident card's subject: {@code serialNumber=<44-digit personal ID>} and nothing else, the ID valid. */
final class ResidentCertificateRules {

    private ResidentCertificateRules() {}

    static PersonalId personalId(CardCertificate certificate, PersonalIdFormat personalIds) {
        if (!certificate.subjectWellFormed() || certificate.subject().size() != 1) {
            throw new LoginRefusedException(LoginRefusal.MALFORMED_SUBJECT, "the subject is not serialNumber alone");
        }
        String digits = certificate
                .single(BCStyle.SERIALNUMBER)
                .orElseThrow(() -> new LoginRefusedException(
                        LoginRefusal.MALFORMED_SUBJECT, "no single serialNumber in the subject"));
        try {
            return personalIds.parse(digits);
        } catch (InvalidPersonalIdException e) {
            // the error's name only (CHECK_DIGITS, LENGTH, ...): the digits themselves go nowhere
            throw new LoginRefusedException(
                    LoginRefusal.INVALID_PERSONAL_ID, e.error().name());
        }
    }
}
