package org.sscard.issuer.issuance;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.CertificateSubject;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.IssuedCertificate.HolderType;

/**
 * Turns an issuance request's holder into a certificate subject, refusing anyone the relay does not know as an
 * active person or staff member in the role the profile certifies.
 */
@Component
class HolderResolver {

    record Holder(CertificateSubject subject, HolderType type, String ref, UUID relayId) {
        boolean isStaff() {
            return type == HolderType.STAFF;
        }
    }

    private final RelayClient relay;
    private final PersonalIdFormat personalIds;
    private final ResidentPersonalIds residents;

    HolderResolver(RelayClient relay, PersonalIdFormat personalIds, ResidentPersonalIds residents) {
        this.relay = relay;
        this.personalIds = personalIds;
        this.residents = residents;
    }

    Holder resolve(HolderRequest request, CertificateProfile profile) {
        if (request != null && request.service() != null) {
            throw new IssuerException(
                    IssuerError.PLATFORM_IDENTITY, "certificates for platform services are not issued through the API");
        }
        if (request == null || request.count() != 1) {
            throw new IssuerException(
                    CommonError.INVALID_FIELD, "name exactly one holder: personalId, personId, staffId or service");
        }
        return switch (profile.subject()) {
            case RESIDENT -> resident(request);
            case STAFF -> staff(request, profile);
            case SERVER, SERVICE, OCSP_SIGNER ->
                throw new IssuerException(
                        IssuerError.PLATFORM_IDENTITY, "platform identities are made by the platform's bootstrap");
        };
    }

    /**
     * By personal ID, or by the relay's opaque ID (whose personal ID is found first): either way the relay's look-up
     * by personal ID, with the issuer's own client token, says who it is and whether they are active.
     */
    private Holder resident(HolderRequest request) {
        if (request.personalId() == null && request.personId() == null) {
            throw new IssuerException(CommonError.INVALID_FIELD, "a resident card needs personalId or personId");
        }
        PersonalId personalId = personalIds.parse(
                request.personalId() != null ? request.personalId() : residents.of(request.personId()));
        RelayClient.Person person = relay.personByPersonalId(personalId)
                .filter(found -> request.personId() == null || found.id().equals(request.personId()))
                .orElseThrow(() -> new IssuerException(
                        IssuerError.UNKNOWN_SUBJECT,
                        request.personId() == null
                                ? "no person with this personal ID in the relay"
                                : "no such person in the relay"));
        if (!"ACTIVE".equals(person.status())) {
            throw new IssuerException(IssuerError.INACTIVE_SUBJECT, "the person is " + person.status());
        }
        return new Holder(
                new CertificateSubject.Resident(personalId),
                HolderType.PERSON,
                person.id().toString(),
                person.id());
    }

    private Holder staff(HolderRequest request, CertificateProfile profile) {
        if (request.staffId() == null) {
            throw new IssuerException(CommonError.INVALID_FIELD, "a staff token needs staffId");
        }
        RelayClient.Staff staff = relay.staff(request.staffId())
                .orElseThrow(
                        () -> new IssuerException(IssuerError.UNKNOWN_SUBJECT, "no such staff member in the relay"));
        if (!"ACTIVE".equals(staff.status())) {
            throw new IssuerException(IssuerError.INACTIVE_SUBJECT, "the staff member is " + staff.status());
        }
        if (!staff.role().equals(profile.staffRole())) {
            throw new IssuerException(
                    CommonError.INVALID_FIELD,
                    "this profile certifies " + profile.staffRole() + ", and the staff member is " + staff.role());
        }
        return new Holder(
                new CertificateSubject.Staff(staff.id(), staff.organisation(), staff.role(), staff.nameKanji()),
                HolderType.STAFF,
                staff.id().toString(),
                staff.id());
    }
}
