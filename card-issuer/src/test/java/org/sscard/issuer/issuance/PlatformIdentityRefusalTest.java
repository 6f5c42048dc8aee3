package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/**
 * The ISSUE permission issues cards, never platform identities: a certificate for a service name (a service client
 * that could ask tokens as {@code hospital-portal}, a TLS server that could stand in for it) is refused with 403,
 * issues nothing and is audited. Platform identities are made by the platform's own bootstrap only.
 */
class PlatformIdentityRefusalTest extends IssuerApiTest {

    @Test
    void refusesAServiceClientCertificateForAnExistingServiceThroughTheApi() throws Exception {
        assertForbidden(
                "/api/v1/certificates",
                csrRequest("service-client", Map.of("service", Map.of("name", "hospital-portal"))));
    }

    @Test
    void refusesATlsServerCertificateThroughTheApi() throws Exception {
        assertForbidden(
                "/api/v1/certificates",
                csrRequest(
                        "tls-server",
                        Map.of(
                                "service",
                                Map.of(
                                        "name",
                                        "hospital-portal",
                                        "dnsNames",
                                        List.of("localhost"),
                                        "ipAddresses",
                                        List.of("127.0.0.1")))));
    }

    @Test
    void refusesTheOcspSignerProfileAndPlatformProfilesAsSoftCards() throws Exception {
        assertForbidden(
                "/api/v1/certificates", csrRequest("ocsp-signer", Map.of("service", Map.of("name", "intruder"))));
        for (String profile : List.of("tls-server", "service-client", "ocsp-signer")) {
            assertForbidden(
                    "/api/v1/cards/soft", Map.of("profile", profile, "personalId", newResident(), "pin", "1234"));
        }
    }

    @Test
    void refusesAServiceNamedUnderACardProfile() throws Exception {
        assertForbidden(
                "/api/v1/certificates",
                csrRequest("resident-card", Map.of("service", Map.of("name", "hospital-portal"))));
    }

    @Test
    void anUnknownProfileIsStillABadRequest() throws Exception {
        Response refused =
                issuer("POST", "/api/v1/certificates", csrRequest("no-such-profile", Map.of("personalId", "1")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemCode()).isEqualTo("UNKNOWN_PROFILE");
    }

    private void assertForbidden(String path, Map<String, Object> body) {
        int certificates = countRows("issued_certificate");
        int refusals = refusals();

        Response refused = issuer("POST", path, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("PLATFORM_IDENTITY");
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
        assertThat(refusals()).isEqualTo(refusals + 1);
    }

    private static Map<String, Object> csrRequest(String profile, Map<String, Object> holder) throws Exception {
        Map<String, Object> body = new HashMap<>(holder);
        body.put("profile", profile);
        body.put("csr", Certificates.csr(Certificates.keyPair("RSA", 2048), "CN=ignored"));
        return body;
    }
}
