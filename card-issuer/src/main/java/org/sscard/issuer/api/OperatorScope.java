package org.sscard.issuer.api;

import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.sscard.common.operator.Operator;
import org.sscard.issuer.issuance.HolderRequest;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.IssuedCertificate;
import org.sscard.issuer.revocation.IssuedCertificate.HolderType;

/**
 * What a city administrator may do at the CA through the operators' console is narrower than what the city office's
 * own client may: residents' cards only. An operator token issues only the resident card profile, for a holder named
 * by the relay's opaque person ID, and suspends, resumes, revokes or reissues only certificates of persons — never a
 * staff member's card (which would hand the operator another person's staff key) nor a platform certificate (the
 * services' TLS, client and OCSP signer certificates are in the same register). A token that is no operator's is
 * left to its client's authorities. Used in the controller's {@code @PreAuthorize}, so a refusal is a 403 the
 * issuer's audit records like any other.
 */
@Component("operatorScope")
public class OperatorScope {

    static final String RESIDENT_PROFILE = "resident-card";

    private final CertificateRecords records;

    OperatorScope(CertificateRecords records) {
        this.records = records;
    }

    public boolean mayIssue(Authentication authentication, String profile, HolderRequest holder) {
        if (Operator.of(authentication).isEmpty()) {
            return true;
        }
        return (profile == null || RESIDENT_PROFILE.equals(profile))
                && holder != null
                && holder.personId() != null
                && holder.personalId() == null
                && holder.staffId() == null
                && holder.service() == null;
    }

    public boolean mayChangeCertificate(Authentication authentication, String serial) {
        if (Operator.of(authentication).isEmpty()) {
            return true;
        }
        String normalised = serial.toLowerCase(Locale.ROOT).replaceFirst("^0+(?=.)", "");
        return personsOnly(records.bySerial(normalised));
    }

    public boolean mayChangeCard(Authentication authentication, String cardSerial) {
        if (Operator.of(authentication).isEmpty()) {
            return true;
        }
        return personsOnly(records.byCardSerial(cardSerial));
    }

    /** A person's certificate, or none at all (the method then answers "unknown", as to anyone). */
    private static boolean personsOnly(Optional<IssuedCertificate> certificate) {
        return certificate.map(found -> found.holderType() == HolderType.PERSON).orElse(true);
    }
}
