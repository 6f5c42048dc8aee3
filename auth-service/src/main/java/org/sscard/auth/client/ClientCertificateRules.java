package org.sscard.auth.client;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.sscard.auth.certificate.CertificatePolicyIds;

/**
 * What a client certificate must say beyond a valid path: issued under the service-client policy, for client
 * authentication, to exactly the client that presents it (subject CN = client ID). A resident's or a clerk's card
 * is none of these.
 */
final class ClientCertificateRules {

    static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private ClientCertificateRules() {}

    /** Why the certificate may not authenticate {@code clientId}, or empty when it may. */
    static Optional<String> refusal(X509Certificate certificate, String clientId) {
        if (!CertificatePolicyIds.of(certificate).contains(ServiceClientConfig.SERVICE_CLIENT_POLICY)) {
            return Optional.of("the certificate is not a service-client certificate");
        }
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            if (usages == null || !usages.contains(CLIENT_AUTH)) {
                return Optional.of("the certificate is not for client authentication");
            }
        } catch (CertificateParsingException e) {
            return Optional.of("the extended key usage cannot be read");
        }
        String commonName = commonName(certificate);
        if (!clientId.equals(commonName)) {
            return Optional.of("the certificate is not " + clientId + "'s");
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
