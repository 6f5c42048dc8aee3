package org.sscard.auth.client;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.sscard.auth.certificate.CertificatePolicyIds;
import org.sscard.auth.certificate.ClientLeafRules;

/**
 * What a client certificate must say beyond a valid path: issued under the service-client policy, what RFC 5280 and
 * client authentication ask of it ({@link ClientLeafRules}: an end entity, digitalSignature, clientAuth, an RSA or EC
 * key, no stray critical extension), and to exactly the client that presents it (subject CN = client ID, and the SAN
 * exactly {@code urn:sscard:service:<client ID>}, as the card issuer's service-client profile makes it). A resident's
 * or a clerk's card is none of these.
 */
final class ClientCertificateRules {

    private ClientCertificateRules() {}

    /** Why the certificate may not authenticate {@code clientId}, or empty when it may. */
    static Optional<String> refusal(X509Certificate certificate, String clientId) {
        if (!CertificatePolicyIds.of(certificate).contains(ServiceClientConfig.SERVICE_CLIENT_POLICY)) {
            return Optional.of("the certificate is not a service-client certificate");
        }
        String commonName = commonName(certificate);
        if (!clientId.equals(commonName)) {
            return Optional.of("the certificate is not " + clientId + "'s");
        }
        Optional<ClientLeafRules.Refusal> unfit =
                ClientLeafRules.refusal(certificate, List.of("urn:sscard:service:" + clientId));
        if (unfit.isPresent()) {
            return Optional.of(
                    unfit.get().defect() == ClientLeafRules.Defect.NO_CLIENT_AUTH
                            ? "the certificate is not for client authentication"
                            : "the certificate is not a client certificate of " + clientId + ": "
                                    + unfit.get().detail());
        }
        return Optional.empty();
    }

    private static String commonName(X509Certificate certificate) {
        try {
            List<Rdn> names = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
            List<String> commonNames = names.stream()
                    .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                    .map(rdn -> rdn.getValue().toString())
                    .toList();
            return commonNames.size() == 1 ? commonNames.get(0) : null; // two CNs: ambiguous, so nobody's
        } catch (InvalidNameException e) {
            return null;
        }
    }
}
