package org.sscard.hospital.saml;

import org.springframework.security.saml2.core.Saml2X509Credential;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistration;
import org.springframework.security.saml2.provider.service.registration.RelyingPartyRegistrationRepository;
import org.springframework.security.saml2.provider.service.registration.Saml2MessageBinding;
import org.sscard.hospital.config.HospitalProperties;

/**
 * The one relying-party registration, {@code sscard}: this SP (entity ID, ACS, signing key) and the platform IdP as
 * its metadata says. While the metadata cannot be read there is no registration, and Spring refuses every login.
 */
final class PlatformIdpRegistrations implements RelyingPartyRegistrationRepository {

    private final HospitalProperties properties;
    private final SpSigningKey signingKey;
    private final IdpMetadataSource idp;
    private IdpDescriptor builtFor;
    private RelyingPartyRegistration registration;

    PlatformIdpRegistrations(HospitalProperties properties, SpSigningKey signingKey, IdpMetadataSource idp) {
        this.properties = properties;
        this.signingKey = signingKey;
        this.idp = idp;
    }

    @Override
    public synchronized RelyingPartyRegistration findByRegistrationId(String registrationId) {
        if (!HospitalProperties.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        IdpDescriptor descriptor = idp.current().orElse(null);
        if (descriptor == null) {
            return null;
        }
        if (descriptor != builtFor) {
            registration = build(descriptor);
            builtFor = descriptor;
        }
        return registration;
    }

    private RelyingPartyRegistration build(IdpDescriptor descriptor) {
        return RelyingPartyRegistration.withRegistrationId(HospitalProperties.REGISTRATION_ID)
                .entityId(properties.entityId())
                .assertionConsumerServiceLocation(properties.acsUrl())
                .assertionConsumerServiceBinding(Saml2MessageBinding.POST)
                .signingX509Credentials(credentials ->
                        credentials.add(Saml2X509Credential.signing(signingKey.privateKey(), signingKey.certificate())))
                .assertingPartyMetadata(party -> party.entityId(descriptor.entityId())
                        .singleSignOnServiceLocation(descriptor.ssoRedirectUrl())
                        .singleSignOnServiceBinding(Saml2MessageBinding.REDIRECT)
                        .wantAuthnRequestsSigned(true)
                        .verificationX509Credentials(credentials -> descriptor
                                .signingCertificates()
                                .forEach(
                                        certificate -> credentials.add(Saml2X509Credential.verification(certificate)))))
                .build();
    }
}
