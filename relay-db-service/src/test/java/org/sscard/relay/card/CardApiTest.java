package org.sscard.relay.card;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class CardApiTest extends RelayApiTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void registersACardAndFindsItByCertificateSerialInAnyHexSpelling() {
        String person = createPerson();
        Map<String, Object> card = card();
        Api.Response created = as("card-issuer").post("/api/v1/persons/" + person + "/cards", card);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("ACTIVE");

        String serial = (String) card.get("certificateSerial");
        Api.Response found = as("card-issuer").get("/api/v1/cards/by-certificate-serial/00" + serial.toUpperCase());
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("holderType").asText()).isEqualTo("PERSON");
        assertThat(found.json().path("holderId").asText()).isEqualTo(person);
        assertThat(as("card-issuer").get("/api/v1/persons/" + person + "/cards").json())
                .hasSize(1);

        Api.Response unknown = as("card-issuer").get("/api/v1/cards/by-certificate-serial/abcdef0123");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemCode()).isEqualTo("CARD_NOT_FOUND");
        assertThat(as("card-issuer")
                        .get("/api/v1/cards/by-certificate-serial/xyz")
                        .problemCode())
                .isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void suspendsResumesAndRevokesWithRfc5280Reasons() {
        String person = createPerson();
        Map<String, Object> card = card();
        as("card-issuer").post("/api/v1/persons/" + person + "/cards", card);
        String path = "/api/v1/cards/" + card.get("cardSerial") + "/status";
        Api issuer = as("card-issuer");

        Api.Response held = issuer.post(path, Map.of("status", "SUSPENDED"));
        assertThat(held.json().path("revocationReason").asText()).isEqualTo("certificateHold");
        assertThat(issuer.post(path, Map.of("status", "ACTIVE"))
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ACTIVE");
        assertThat(issuer.post(path, Map.of("status", "REVOKED", "reason", "certificateHold"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        Api.Response revoked = issuer.post(path, Map.of("status", "REVOKED", "reason", "keyCompromise"));
        assertThat(revoked.json().path("revocationReason").asText()).isEqualTo("keyCompromise");
        assertThat(revoked.json().path("revokedAt").asText()).isNotBlank();

        Api.Response afterRevocation = issuer.post(path, Map.of("status", "ACTIVE"));
        assertThat(afterRevocation.status()).isEqualTo(409);
        assertThat(afterRevocation.problemCode()).isEqualTo("INVALID_STATE_CHANGE");
        assertThat(issuer.post(path, Map.of("status", "REVOKED", "reason", "lostOnTheBus"))
                        .problemCode())
                .isEqualTo("MALFORMED_REQUEST");
        assertThat(issuer.post("/api/v1/cards/NO-SUCH-CARD/status", Map.of("status", "REVOKED"))
                        .problemCode())
                .isEqualTo("CARD_NOT_FOUND");
    }

    @Test
    void keepsEveryStatusOfACardOldestFirstWithWhyAndWho() {
        String person = createPerson();
        Map<String, Object> card = card();
        String path = "/api/v1/cards/" + card.get("cardSerial") + "/status";
        String clerk = "staff:" + java.util.UUID.randomUUID();
        as("card-issuer").post("/api/v1/persons/" + person + "/cards", card);
        as("card-issuer").header("Sscard-Acting-For", clerk).post(path, Map.of("status", "SUSPENDED"));
        as("card-issuer").post(path, Map.of("status", "ACTIVE"));
        as("card-issuer")
                .header("Sscard-Acting-For", clerk)
                .post(path, Map.of("status", "REVOKED", "reason", "keyCompromise"));

        Api.Response cards = asOperator(cityAdmin()).get("/api/v1/persons/" + person + "/cards");

        assertThat(cards.status()).isEqualTo(200);
        JsonNode history = cards.json().get(0).path("history");
        assertThat(history).hasSize(4);
        assertThat(history.findValuesAsText("status")).containsExactly("ACTIVE", "SUSPENDED", "ACTIVE", "REVOKED");
        assertThat(history.findValuesAsText("by")).containsExactly("card-issuer", clerk, "card-issuer", clerk);
        assertThat(history.get(0).path("reason").asText()).isEqualTo("registered");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("certificateHold");
        assertThat(history.get(2).has("reason")).isFalse();
        assertThat(history.get(3).path("reason").asText()).isEqualTo("keyCompromise");
        for (int i = 1; i < history.size(); i++) {
            assertThat(Instant.parse(history.get(i).path("at").asText()))
                    .isAfterOrEqualTo(
                            Instant.parse(history.get(i - 1).path("at").asText()));
        }
        // a refused change leaves no row
        as("card-issuer").post(path, Map.of("status", "ACTIVE"));
        assertThat(as("card-issuer")
                        .get("/api/v1/persons/" + person + "/cards")
                        .json()
                        .get(0)
                        .path("history"))
                .hasSize(4);
    }

    @Test
    void refusesDuplicatesAndCardsForInactivePersonsAndWritesNothing() {
        String person = createPerson();
        Map<String, Object> card = card();
        as("card-issuer").post("/api/v1/persons/" + person + "/cards", card);
        int cards = count("card");

        Map<String, Object> sameCertificate = card();
        sameCertificate.put("certificateSha256", card.get("certificateSha256"));
        Api.Response duplicate = as("card-issuer").post("/api/v1/persons/" + person + "/cards", sameCertificate);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.problemCode()).isEqualTo("DUPLICATE_CARD");

        city().post("/api/v1/persons/" + person + "/status", Map.of("status", "DECEASED"));
        assertThat(as("card-issuer")
                        .post("/api/v1/persons/" + person + "/cards", card())
                        .problemCode())
                .isEqualTo("INVALID_STATE_CHANGE");
        Map<String, Object> backwards = card();
        backwards.put("expiresAt", "2001-01-01T00:00:00Z");
        assertThat(as("card-issuer")
                        .post("/api/v1/persons/" + createPerson() + "/cards", backwards)
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        Map<String, Object> badFingerprint = card();
        badFingerprint.put("certificateSha256", "abc");
        assertThat(as("card-issuer")
                        .post("/api/v1/persons/" + person + "/cards", badFingerprint)
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(count("card")).isEqualTo(cards);
    }

    @Test
    void registersAStaffToken() {
        String staff = city().post(
                        "/api/v1/staff",
                        Map.of(
                                "organisation",
                                "test-hospital",
                                "role",
                                "RECEPTION_CLERK",
                                "nameKanji",
                                "受付",
                                "nameKana",
                                "ウケツケ"))
                .json()
                .path("id")
                .asText();
        Map<String, Object> token = card();
        assertThat(as("card-issuer")
                        .post("/api/v1/staff/" + staff + "/cards", token)
                        .status())
                .isEqualTo(201);
        assertThat(as("card-issuer")
                        .get("/api/v1/cards/by-certificate-serial/" + token.get("certificateSerial"))
                        .json()
                        .path("holderType")
                        .asText())
                .isEqualTo("STAFF");
        assertThat(as("card-issuer").get("/api/v1/staff/" + staff + "/cards").json())
                .hasSize(1);
    }

    static Map<String, Object> card() {
        byte[] serial = new byte[16];
        byte[] sha = new byte[32];
        RANDOM.nextBytes(serial);
        RANDOM.nextBytes(sha);
        serial[0] = (byte) (serial[0] | 0x10);
        Map<String, Object> card = new java.util.HashMap<>();
        card.put("cardSerial", "KC-" + HexFormat.of().formatHex(serial, 0, 6));
        card.put("certificateSerial", HexFormat.of().formatHex(serial));
        card.put("certificateSha256", HexFormat.of().formatHex(sha));
        card.put("issuedAt", "2026-04-01T00:00:00Z");
        card.put("expiresAt", "2031-03-31T23:59:59Z");
        return card;
    }
}
