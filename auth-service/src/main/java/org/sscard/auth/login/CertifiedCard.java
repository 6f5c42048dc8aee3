package org.sscard.auth.login;

import org.sscard.common.id.PersonalId;

/**
 * A card that passed {@link CardProfileCheck}: what its certificate says, for the relay checks. Public only so that
 * {@code sscard-verify} can hold one; the personal ID stays package-private so no caller outside the login prints it.
 */
public final class CertifiedCard {

    private final LoginProfile profile;
    private final CardCertificate certificate;
    private final PersonalId personalId;
    private final StaffCertificateRules.StaffIdentity staff;

    private CertifiedCard(
            LoginProfile profile,
            CardCertificate certificate,
            PersonalId personalId,
            StaffCertificateRules.StaffIdentity staff) {
        this.profile = profile;
        this.certificate = certificate;
        this.personalId = personalId;
        this.staff = staff;
    }

    static CertifiedCard resident(CardCertificate certificate, PersonalId personalId) {
        return new CertifiedCard(LoginProfile.RESIDENT, certificate, personalId, null);
    }

    static CertifiedCard staff(CardCertificate certificate, StaffCertificateRules.StaffIdentity staff) {
        return new CertifiedCard(LoginProfile.STAFF, certificate, null, staff);
    }

    public LoginProfile profile() {
        return profile;
    }

    /** For the operator: the profile, and for staff the role and organisation (not personal data of a resident). */
    public String describe() {
        return profile == LoginProfile.RESIDENT
                ? profile.slug()
                : profile.slug() + " " + staff.role() + " " + staff.organisation();
    }

    CardCertificate certificate() {
        return certificate;
    }

    PersonalId personalId() {
        return personalId;
    }

    StaffCertificateRules.StaffIdentity staff() {
        return staff;
    }
}
