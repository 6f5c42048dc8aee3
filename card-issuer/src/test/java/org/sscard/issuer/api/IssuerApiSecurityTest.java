package org.sscard.issuer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.issuer.support.IssuerApiTest;

/** Who may call the issuing API: a token from the platform issuer, addressed here, for a client granted the act. */
class IssuerApiSecurityTest extends IssuerApiTest {

    private static final String CARDS = "/api/v1/cards/soft";

    @Test
    void refusesACallWithoutATokenWithAProblemAndABearerChallenge() {
        Response response = call(baseUrl() + CARDS, null, "POST", Map.of("personalId", "1", "pin", "1234"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.problemCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void refusesATokenAddressedToTheRelay() {
        Response response = call(
                baseUrl() + CARDS,
                "Bearer " + TOKENS.mint("city-office", "relay-db-service"),
                "POST",
                Map.of("personalId", newResident(), "pin", "1234"));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void refusesAForgedToken() {
        Response response = call(
                baseUrl() + CARDS,
                "Bearer " + TOKENS.forge("city-office", "card-issuer"),
                "POST",
                Map.of("personalId", newResident(), "pin", "1234"));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aPersonsTokenWhoseSubjectSpellsAClientNameGetsNoClientAuthority() {
        String certificate = baseUrl() + "/api/v1/certificates/00";
        // a person's (pairwise) token: sub = a local ID that happens to be "city-office", without the
        // client-credentials mark
        Response pairwise = call(
                certificate,
                "Bearer " + TOKENS.mint("city-office", "card-issuer", claims -> claims.claim("gty", null)),
                "GET",
                null);
        assertThat(pairwise.status()).isEqualTo(403);
        assertThat(pairwise.problemCode()).isEqualTo("FORBIDDEN");
        // the client's own token: authorised (and the serial unknown)
        assertThat(call(certificate, "Bearer " + TOKENS.mint("city-office", "card-issuer"), "GET", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesIssuingToAClientGrantedOnlyReading() {
        int certificates = countRows("issued_certificate");
        Response response = call(
                baseUrl() + CARDS,
                "Bearer " + TOKENS.mint("auth-service", "card-issuer"),
                "POST",
                Map.of("personalId", newResident(), "pin", "1234"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
    }

    @Test
    void issuesEachServiceClientACertificateForClientAuthentication() throws Exception {
        ServiceCredentials gateway =
                ServiceCredentials.read(ServiceCredentials.directory(RELAY.dataDir()), "portal-gateway");
        X509Certificate certificate = gateway.certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).startsWith("CN=portal-gateway");
        assertThat(certificate.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(gateway.chain()).hasSize(2);
        certificate.verify(gateway.chain().get(1).getPublicKey());
    }
}
