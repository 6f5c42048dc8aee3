package org.sscard.issuer.issuance;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.springframework.stereotype.Component;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.IssuedCertificate;
import org.sscard.issuer.revocation.IssuedCertificate.HolderType;

/**
 * The personal ID of a resident named by the relay's opaque person ID (as the operators' console names them): a
 * resident card's subject is the personal ID, and nobody but the relay and the cards carry it. Taken from the CA's
 * own register when the CA has certified this person before (the subject of their latest card), so that the ID does
 * not cross the network again; else asked of the relay. Either way the caller then confirms it at the relay (look-up
 * by personal ID: the same person, active) before anything is issued.
 */
@Component
class ResidentPersonalIds {

    private final CertificateRecords records;
    private final RelayClient relay;

    ResidentPersonalIds(CertificateRecords records, RelayClient relay) {
        this.records = records;
        this.relay = relay;
    }

    String of(UUID person) {
        List<IssuedCertificate> issued = records.ofHolder(HolderType.PERSON, person.toString());
        for (int i = issued.size() - 1; i >= 0; i--) {
            Optional<String> certified = serialNumber(records.der(issued.get(i).serial()));
            if (certified.isPresent()) {
                return certified.get();
            }
        }
        return relay.personalIdOf(person)
                .orElseThrow(
                        () -> new IssuerException(IssuerError.UNKNOWN_SUBJECT, "no person with this ID in the relay"));
    }

    private static Optional<String> serialNumber(byte[] der) {
        try {
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            RDN[] serialNumbers = X500Name.getInstance(
                            certificate.getSubjectX500Principal().getEncoded())
                    .getRDNs(BCStyle.SERIALNUMBER);
            return serialNumbers.length == 1
                    ? Optional.of(serialNumbers[0].getFirst().getValue().toString())
                    : Optional.empty();
        } catch (CertificateException e) {
            throw new IllegalStateException("the CA's register holds an unreadable certificate", e);
        }
    }
}
