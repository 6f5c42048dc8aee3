package org.sscard.issuer.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.sscard.common.id.PersonalId;

/** Whom a certificate names, per {@link SubjectKind}: builds the subject DN and the subject alternative names. */
public sealed interface CertificateSubject {

    SubjectKind kind();

    X500Name name();

    default List<GeneralName> alternativeNames() {
        return List.of();
    }

    /** A resident card: the subject is {@code serialNumber=<44-digit personal ID>} and nothing else. */
    record Resident(PersonalId personalId) implements CertificateSubject {
        public SubjectKind kind() {
            return SubjectKind.RESIDENT;
        }

        public X500Name name() {
            return new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.SERIALNUMBER, personalId.digits())
                    .build();
        }
    }

    /**
     * A staff token: {@code C=JP, O=<organisation key>, OU=<role>, UID=<staff ID>, CN=<name>}. A validator reads the
     * organisation from O, the role from OU (and from the profile's policy OID), the registry entry from UID.
     */
    record Staff(UUID staffId, String organisation, String role, String displayName) implements CertificateSubject {
        public SubjectKind kind() {
            return SubjectKind.STAFF;
        }

        public X500Name name() {
            return new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.O, organisation)
                    .addRDN(BCStyle.OU, role)
                    .addRDN(BCStyle.UID, staffId.toString())
                    .addRDN(BCStyle.CN, displayName)
                    .build();
        }
    }

    /** A TLS server: CN is the first host name; every name and address goes into the SAN. */
    record Server(String serviceName, List<String> dnsNames, List<String> ipAddresses) implements CertificateSubject {
        public SubjectKind kind() {
            return SubjectKind.SERVER;
        }

        public X500Name name() {
            return new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "sscard")
                    .addRDN(BCStyle.OU, serviceName)
                    .addRDN(BCStyle.CN, dnsNames.get(0))
                    .build();
        }

        public List<GeneralName> alternativeNames() {
            List<GeneralName> names = new ArrayList<>();
            dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
            ipAddresses.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            return names;
        }
    }

    /** A platform service authenticating to another: {@code urn:sscard:service:<name>} in the SAN. */
    record Service(String serviceName) implements CertificateSubject {
        public SubjectKind kind() {
            return SubjectKind.SERVICE;
        }

        public X500Name name() {
            return new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.O, "sscard")
                    .addRDN(BCStyle.OU, "services")
                    .addRDN(BCStyle.CN, serviceName)
                    .build();
        }

        public List<GeneralName> alternativeNames() {
            return List.of(new GeneralName(GeneralName.uniformResourceIdentifier, "urn:sscard:service:" + serviceName));
        }
    }

    /** The CA's delegated OCSP responder. */
    record OcspSigner(String caName, String organisation) implements CertificateSubject {
        public SubjectKind kind() {
            return SubjectKind.OCSP_SIGNER;
        }

        public X500Name name() {
            return new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "JP")
                    .addRDN(BCStyle.O, organisation)
                    .addRDN(BCStyle.CN, caName + " OCSP")
                    .build();
        }
    }
}
