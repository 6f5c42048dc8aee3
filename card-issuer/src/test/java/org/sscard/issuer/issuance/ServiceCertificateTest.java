package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/** Service-to-service authentication certificates, issued to a CSR from the service's own key. */
class ServiceCertificateTest extends IssuerApiTest {

    @Test
    void issuesAServiceClientCertificateNamingTheServiceAndNothingElse() throws Exception {
        var keys = Certificates.keyPair("RSA", 2048);
        Response issued = issuer(
                "POST",
                "/api/v1/certificates",
                Map.of(
                        "profile",
                        "service-client",
                        "service",
                        Map.of("name", "portal-gateway"),
                        "csr",
                        Certificates.csr(keys, "CN=whatever the CSR says is ignored")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        X509Certificate certificate =
                Certificates.fromPem(issued.json().path("certificate").asText());

        assertThat(certificate.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=portal-gateway,OU=services,O=sscard");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(certificate.getSubjectAlternativeNames())
                .extracting(name -> name.get(1).toString())
                .containsExactly("urn:sscard:service:portal-gateway");
        assertThat(SoftCardIssuanceTest.policies(certificate))
                .containsExactly("2.25.282948580063040574886034106954584755375.2.2");
        assertThat(issued.json().path("cardSerial").isMissingNode()).isTrue();
        assertThat(issued.json().path("chain")).hasSize(3);
    }

    @Test
    void refusesToIssueTheOcspSignerProfileOrAnUnknownProfile() throws Exception {
        var keys = Certificates.keyPair("RSA", 2048);
        for (String profile : new String[] {"ocsp-signer", "no-such-profile"}) {
            Response refused = issuer(
                    "POST",
                    "/api/v1/certificates",
                    Map.of(
                            "profile",
                            profile,
                            "service",
                            Map.of("name", "intruder"),
                            "csr",
                            Certificates.csr(keys, "CN=x")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.problemCode()).isEqualTo("UNKNOWN_PROFILE");
        }
    }
}
