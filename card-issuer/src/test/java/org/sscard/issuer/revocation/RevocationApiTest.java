package org.sscard.issuer.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.IssuerApiTest;

/** Hold, resume and revoke through the API, by card serial and by certificate serial; refusals are audited. */
class RevocationApiTest extends IssuerApiTest {

    @Test
    void holdResumeAndRevokeByCardSerialAndTheRelayCardFollows() {
        JsonNode card = newSoftCard("1234");
        String path = "/api/v1/cards/" + card.path("cardSerial").asText();
        String certificateSerial = card.path("certificateSerial").asText();

        assertChange(issuer("POST", path + "/suspend", null), "ON_HOLD");
        assertThat(relayStatus(certificateSerial)).isEqualTo("SUSPENDED");
        assertChange(issuer("POST", path + "/resume", null), "GOOD");
        assertThat(relayStatus(certificateSerial)).isEqualTo("ACTIVE");
        Response revoked = issuer("POST", path + "/revoke", Map.of("reason", "keyCompromise"));
        assertChange(revoked, "REVOKED");
        assertThat(revoked.json().path("revocationReason").asText()).isEqualTo("keyCompromise");
        assertThat(relayStatus(certificateSerial)).isEqualTo("REVOKED");
    }

    @Test
    void holdResumeAndRevokeByCertificateSerialAndTheRelayCardFollows() {
        String certificateSerial = newSoftCard("1234").path("certificateSerial").asText();
        String path = "/api/v1/certificates/" + certificateSerial;

        assertChange(issuer("POST", path + "/suspend", null), "ON_HOLD");
        assertThat(relayStatus(certificateSerial)).isEqualTo("SUSPENDED");
        assertChange(issuer("POST", path + "/resume", null), "GOOD");
        assertThat(relayStatus(certificateSerial)).isEqualTo("ACTIVE");
        // a held card can be revoked straight away
        assertChange(issuer("POST", path + "/suspend", null), "ON_HOLD");
        assertChange(issuer("POST", path + "/revoke", Map.of("reason", "affiliationChanged")), "REVOKED");
        assertThat(relayStatus(certificateSerial)).isEqualTo("REVOKED");
        assertThat(issuer("GET", path, null).json().path("revocationReason").asText())
                .isEqualTo("affiliationChanged");
    }

    @Test
    void revokingAnUnknownSerialIs404AndAudited() {
        int refusals = refusals();

        Response byCertificate = issuer(
                "POST",
                "/api/v1/certificates/7e57ab1e0000000000000000000001/revoke",
                Map.of("reason", "keyCompromise"));
        Response byCard = issuer("POST", "/api/v1/cards/KC-NO-SUCH-CARD/revoke", Map.of("reason", "keyCompromise"));

        assertThat(byCertificate.status()).isEqualTo(404);
        assertThat(byCertificate.problemCode()).isEqualTo("UNKNOWN_CERTIFICATE");
        assertThat(byCard.status()).isEqualTo(404);
        assertThat(byCard.problemCode()).isEqualTo("UNKNOWN_CERTIFICATE");
        assertThat(refusals()).isEqualTo(refusals + 2);
    }

    @Test
    void revokingTwiceIs409AlreadyRevokedAndAudited() {
        String path = "/api/v1/cards/" + newSoftCard("1234").path("cardSerial").asText() + "/revoke";
        assertChange(issuer("POST", path, Map.of("reason", "keyCompromise")), "REVOKED");
        int refusals = refusals();

        Response again = issuer("POST", path, Map.of("reason", "superseded"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemCode()).isEqualTo("ALREADY_REVOKED");
        assertThat(refusals()).isEqualTo(refusals + 1);
    }

    @Test
    void revokingWithCertificateHoldIs400ChangesNothingAndIsAudited() {
        JsonNode card = newSoftCard("1234");
        String path = "/api/v1/cards/" + card.path("cardSerial").asText();
        int refusals = refusals();

        Response hold = issuer("POST", path + "/revoke", Map.of("reason", "certificateHold"));

        assertThat(hold.status()).isEqualTo(400);
        assertThat(hold.problemCode()).isEqualTo("INVALID_FIELD");
        assertThat(issuer("GET", path, null).json().path("status").asText()).isEqualTo("GOOD");
        assertThat(relayStatus(card.path("certificateSerial").asText())).isEqualTo("ACTIVE");
        assertThat(refusals()).isEqualTo(refusals + 1);
    }

    @Test
    void resumingACardThatIsNotHeldIs409AndAudited() {
        String path = "/api/v1/cards/" + newSoftCard("1234").path("cardSerial").asText();
        int refusals = refusals();

        Response resume = issuer("POST", path + "/resume", null);

        assertThat(resume.status()).isEqualTo(409);
        assertThat(resume.problemCode()).isEqualTo("INVALID_STATE_CHANGE");
        assertThat(refusals()).isEqualTo(refusals + 1);
    }

    private String relayStatus(String certificateSerial) {
        Response card = relay("GET", "/api/v1/cards/by-certificate-serial/" + certificateSerial, null);
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        return card.json().path("status").asText();
    }

    private static void assertChange(Response response, String status) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo(status);
    }
}
