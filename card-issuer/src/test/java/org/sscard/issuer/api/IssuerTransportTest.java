package org.sscard.issuer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.IssuerApiTest;
import org.sscard.issuer.support.PublicEndpoints;

/**
 * Bearer tokens, PINs and PKCS#12 files never travel in clear: the issuing API answers only over TLS on its own
 * port; the plain-HTTP port publishes CA certificates, CRLs and OCSP and nothing else, and the TLS port does not
 * publish them (relying parties use the URLs in the certificates, which name the plain-HTTP port).
 */
class IssuerTransportTest extends IssuerApiTest {

    private static final String CARDS = "/api/v1/cards/soft";

    @Test
    void anIssuingCallOverPlainHttpOnThePublicationPortGetsNoAnswerFromTheApiAndIssuesNothing() {
        int certificates = countRows("issued_certificate");
        Response response = call(
                publicationUrl() + CARDS,
                "Bearer " + TOKENS.mint("city-office", "card-issuer"),
                "POST",
                Map.of("personalId", newResident(), "pin", "1234"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(response.body()).doesNotContain("pkcs12");
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
    }

    @Test
    void thePublicationPortServesNeitherTheApiNorHealthNorTheApiDescription() {
        String token = "Bearer " + TOKENS.mint("city-office", "card-issuer");
        for (String path : new String[] {
            "/api/v1/certificates/00", "/actuator/health/readiness", "/v3/api-docs", "/swagger-ui.html", "/"
        }) {
            assertThat(call(publicationUrl() + path, token, "GET", null).status())
                    .as(path)
                    .isEqualTo(404);
        }
    }

    @Test
    void plainHttpToTheApiPortIsRefusedAndIssuesNothing() {
        int certificates = countRows("issued_certificate");
        String plain = baseUrl().replace("https://", "http://");
        Response response;
        try {
            response = call(
                    plain + CARDS,
                    "Bearer " + TOKENS.mint("city-office", "card-issuer"),
                    "POST",
                    Map.of("personalId", newResident(), "pin", "1234"));
            assertThat(response.status()).isEqualTo(400); // Tomcat: "this combination of host and port requires TLS"
        } catch (java.io.UncheckedIOException refused) {
            // the connection was closed without an answer: refused just as well
        }
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
    }

    @Test
    void issuesOverTlsOnTheApiPort() {
        int certificates = countRows("issued_certificate");
        assertThat(baseUrl()).startsWith("https://");

        Response issued = issuer("POST", CARDS, Map.of("personalId", newResident(), "pin", "1234"));

        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        assertThat(issued.json().path("pkcs12").asText()).isNotEmpty();
        assertThat(countRows("issued_certificate")).isEqualTo(certificates + 1);
        assertThat(call(baseUrl() + "/actuator/health/readiness", null, "GET", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void caCertificatesCrlsAndOcspAnswerOnThePublicationPortOnly() {
        PublicEndpoints plain = published();
        assertThat(plain.get("/ca/root.pem").status()).isEqualTo(200);
        assertThat(plain.get("/crl/issuing.crl").status()).isEqualTo(200);
        assertThat(plain.ocspPost(new byte[] {0x30, 0x00}).status()).isEqualTo(200); // malformedRequest, answered

        for (String path : new String[] {"/ca/root.pem", "/crl/issuing.crl", "/ocsp"}) {
            assertThat(call(baseUrl() + path, null, "GET", null).status())
                    .as("https " + path)
                    .isEqualTo(404);
        }
    }
}
