package org.sscard.issuer.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/**
 * {@code POST /api/v1/cards/{cardSerial}/reissue}: a new soft card for the same holder, the old one revoked
 * ({@code superseded}) only once the new one is issued; if issuing fails, the old card stays as it was.
 */
class ReissueTest extends IssuerApiTest {

    @Test
    void reissuesANewSoftCardForTheSameHolderAndRevokesTheOldAsSuperseded() throws Exception {
        JsonNode old = newSoftCard("1234");
        String oldCard = old.path("cardSerial").asText();

        Response reissued = issuer("POST", "/api/v1/cards/" + oldCard + "/reissue", reissue("5678"));

        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        JsonNode card = reissued.json();
        assertThat(card.path("cardSerial").asText()).isNotEqualTo(oldCard);
        X509Certificate before = certificate(old, "1234");
        X509Certificate after = certificate(card, "5678");
        assertThat(after.getSubjectX500Principal()).isEqualTo(before.getSubjectX500Principal());
        assertThat(after.getPublicKey()).isNotEqualTo(before.getPublicKey());
        JsonNode oldRecord = issuer("GET", "/api/v1/cards/" + oldCard, null).json();
        assertThat(oldRecord.path("status").asText()).isEqualTo("REVOKED");
        assertThat(oldRecord.path("revocationReason").asText()).isEqualTo("superseded");
        assertThat(relayStatus(old.path("certificateSerial").asText())).isEqualTo("REVOKED");
        assertThat(relayStatus(card.path("certificateSerial").asText())).isEqualTo("ACTIVE");
    }

    @Test
    void aReissueThatCannotIssueLeavesTheOldCardAsItWas() throws Exception {
        Person person = newPerson();
        Response first = issuer("POST", "/api/v1/cards/soft", Map.of("personalId", person.personalId(), "pin", "1234"));
        String oldCard = first.json().path("cardSerial").asText();
        // a second active card the relay knows of (registered elsewhere): issuing refuses while it is there
        CITY_OFFICE.registerCard(
                "persons", person.id(), Certificates.selfSigned(Certificates.keyPair("RSA", 2048), "CN=another card"));
        int certificates = countRows("issued_certificate");
        int refusals = refusals();

        Response refused = issuer("POST", "/api/v1/cards/" + oldCard + "/reissue", reissue("5678"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemCode()).isEqualTo("SECOND_ACTIVE_CARD");
        assertThat(issuer("GET", "/api/v1/cards/" + oldCard, null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("GOOD");
        assertThat(relayStatus(first.json().path("certificateSerial").asText())).isEqualTo("ACTIVE");
        assertThat(countRows("issued_certificate")).isEqualTo(certificates);
        assertThat(refusals()).isEqualTo(refusals + 1);
    }

    @Test
    void reissuesACardRevokedAlreadyKeepingItsReason() {
        String oldCard = newSoftCard("1234").path("cardSerial").asText();
        issuer("POST", "/api/v1/cards/" + oldCard + "/revoke", Map.of("reason", "keyCompromise"));

        Response reissued = issuer("POST", "/api/v1/cards/" + oldCard + "/reissue", reissue("5678"));

        assertThat(reissued.status()).as(reissued.body()).isEqualTo(201);
        assertThat(issuer("GET", "/api/v1/cards/" + oldCard, null)
                        .json()
                        .path("revocationReason")
                        .asText())
                .isEqualTo("keyCompromise");
    }

    @Test
    void refusesReissueToAClientThatMayIssueButNotRevoke() {
        String oldCard = newSoftCard("1234").path("cardSerial").asText();

        Response refused = call(
                baseUrl() + "/api/v1/cards/" + oldCard + "/reissue",
                "Bearer " + TOKENS.mint("issue-only", "card-issuer"),
                "POST",
                reissue("5678"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("FORBIDDEN");
        assertThat(issuer("GET", "/api/v1/cards/" + oldCard, null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("GOOD");
    }

    @Test
    void refusesAWeakPinAMissingReasonAndAnUnknownCard() {
        String oldCard = newSoftCard("1234").path("cardSerial").asText();
        String path = "/api/v1/cards/" + oldCard + "/reissue";

        Response weak = issuer("POST", path, reissue("12"));
        Response noReason = issuer("POST", path, Map.of("pin", "5678"));
        Response unknown = issuer("POST", "/api/v1/cards/KC-NO-SUCH-CARD/reissue", reissue("5678"));

        assertThat(weak.problemCode()).isEqualTo("WEAK_PIN");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("UNKNOWN_CERTIFICATE");
        assertThat(issuer("GET", "/api/v1/cards/" + oldCard, null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("GOOD");
    }

    private static Map<String, String> reissue(String pin) {
        return Map.of("pin", pin, "reason", "カードの破損 / damaged card");
    }

    private static X509Certificate certificate(JsonNode card, String pin) throws Exception {
        return (X509Certificate)
                Certificates.softCard(card.path("pkcs12").asText(), pin).getCertificate(SoftCard.ALIAS);
    }

    private String relayStatus(String certificateSerial) {
        return relay("GET", "/api/v1/cards/by-certificate-serial/" + certificateSerial, null)
                .json()
                .path("status")
                .asText();
    }
}
