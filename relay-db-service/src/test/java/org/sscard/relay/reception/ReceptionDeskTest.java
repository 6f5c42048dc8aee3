package org.sscard.relay.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * What the reception-check tests share: a second insurer and a second hospital beside the test configuration's
 * test-nhi and test-hospital, staff of each, and patients with cards and mappings, all made through the API.
 */
abstract class ReceptionDeskTest extends RelayApiTest {

    static final String PATH = "/api/v1/reception-checks";
    static final String HOSPITAL = "test-hospital";
    static final String OTHER_HOSPITAL = "other-hospital";
    static final String NHI = "test-nhi";
    static final String KENPO = "test-kenpo";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicInteger NUMBER = new AtomicInteger(RANDOM.nextInt(1_000_000));

    /** A patient: opaque ID, personal ID, SSN (date of birth 1958-04-12), card certificate serial. */
    record Patient(String id, String personalId, String ssn, String certificateSerial, String cardSerial) {}

    /** Registers the second insurer and hospital once per database (the context is shared by all API tests). */
    void providers() {
        register(provider(KENPO, "INSURER", "PROXY", "INSURANCE_CARD", List.of(HOSPITAL)));
        Map<String, Object> hospital = provider(OTHER_HOSPITAL, "HOSPITAL", "SAML", "LOCAL_NUMBER", List.of());
        hospital.put("samlEntityId", "https://other-hospital.test/saml");
        hospital.put("samlAcsUrl", "https://other-hospital.test/saml/acs");
        register(hospital);
    }

    /** Each staff member's card (the one they log in with): the checks name its certificate serial. */
    private final Map<String, Map<String, Object>> staffCards = new HashMap<>();

    /** A new staff member with an ACTIVE staff card. */
    String staff(String organisation, String role) {
        Api.Response created = city().post(
                        "/api/v1/staff",
                        Map.of("organisation", organisation, "role", role, "nameKanji", "受付", "nameKana", "ウケツケ"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        Map<String, Object> card = card();
        Api.Response registered = as("card-issuer").post("/api/v1/staff/" + id + "/cards", card);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        staffCards.put(id, card);
        return id;
    }

    /** The card serial (not the certificate's) of the staff member's card, for status changes. */
    String staffCardSerial(String staff) {
        return (String) staffCards.get(staff).get("cardSerial");
    }

    /** The certificate serial of the staff member's card; an unregistered one for staff this test did not make. */
    String clerkCertificateSerial(String clerk) {
        Map<String, Object> card = staffCards.get(clerk);
        return card == null ? "abcdef0123" : (String) card.get("certificateSerial");
    }

    /** A new active person with an ACTIVE resident card. */
    Patient patient() {
        String personalId = newPersonalId();
        String ssn = newProvisionalSsn();
        Api.Response person = city().post("/api/v1/persons", personBody(personalId, ssn));
        assertThat(person.status()).as(person.body()).isEqualTo(201);
        String id = person.json().path("id").asText();
        Map<String, Object> card = card();
        assertThat(as("card-issuer")
                        .post("/api/v1/persons/" + id + "/cards", card)
                        .status())
                .isEqualTo(201);
        return new Patient(
                id, personalId, ssn, (String) card.get("certificateSerial"), (String) card.get("cardSerial"));
    }

    /** Maps the patient at an insurer; {@code validTo} non-null ends the mapping on that day. Returns the number. */
    String insured(Patient patient, String insurer, String validFrom, String validTo) {
        String number = String.valueOf(NUMBER.incrementAndGet());
        Map<String, Object> mapping = new HashMap<>();
        mapping.put("providerKey", insurer);
        mapping.put("localId", Map.of("insurerNumber", "06139999", "symbol", "10", "number", number, "branch", "00"));
        mapping.put("validFrom", validFrom);
        Api.Response created = city().post("/api/v1/persons/" + patient.id() + "/mappings", mapping);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        if (validTo != null) {
            String mappingId = created.json().path("id").asText();
            assertThat(city().post(
                                    "/api/v1/persons/" + patient.id() + "/mappings/" + mappingId + "/end",
                                    Map.of("validTo", validTo, "reason", "lost coverage"))
                            .status())
                    .isEqualTo(200);
        }
        return "06139999|10|" + number + "|00";
    }

    /** Registers the patient at a hospital; returns the patient number. */
    String patientAt(Patient patient, String hospital) {
        String number = "P" + NUMBER.incrementAndGet();
        Api.Response created = city().post(
                        "/api/v1/persons/" + patient.id() + "/mappings",
                        Map.of(
                                "providerKey",
                                hospital,
                                "localId",
                                Map.of("localNumber", number),
                                "validFrom",
                                "2020-01-01"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return number;
    }

    /** auth-service, acting for the clerk, as its reception-check grant calls the relay. */
    Api.Response check(String clerk, Map<String, Object> body) {
        return as("auth-service")
                .header("Sscard-Acting-For", "staff:" + clerk)
                .header("Sscard-Purpose", "reception check")
                .post(PATH, body);
    }

    Map<String, Object> byCard(String clerk, String organisation, String serial, String personalId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clerk", clerk);
        body.put("organisation", organisation);
        body.put("clerkCertificateSerial", clerkCertificateSerial(clerk));
        body.put("method", "CARD");
        body.put("certificateSerial", serial);
        body.put("personalId", personalId);
        return body;
    }

    Map<String, Object> bySsn(String clerk, String organisation, String ssn, String dateOfBirth) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clerk", clerk);
        body.put("organisation", organisation);
        body.put("clerkCertificateSerial", clerkCertificateSerial(clerk));
        body.put("method", "SSN");
        body.put("provisionalSsn", ssn);
        body.put("dateOfBirth", dateOfBirth);
        body.put("reason", "CARD_UNREADABLE");
        return body;
    }

    /** The reception rows of the person's access log, oldest first: action, caller, acting for, purpose, provider. */
    List<String> receptionRows(Patient patient) {
        return jdbc.sql("""
                        SELECT concat_ws(' | ', a.action, a.caller, a.acting_for, a.purpose, a.provider_key)
                        FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        WHERE p.opaque_id = :person::uuid AND a.action LIKE 'RECEPTION%' ORDER BY a.id""").param("person", patient.id()).query(String.class).list();
    }

    static Map<String, Object> card() {
        byte[] serial = new byte[16];
        byte[] sha = new byte[32];
        RANDOM.nextBytes(serial);
        RANDOM.nextBytes(sha);
        serial[0] = (byte) (serial[0] | 0x10);
        Map<String, Object> card = new HashMap<>();
        card.put("cardSerial", "KC-" + HexFormat.of().formatHex(serial, 0, 6));
        card.put("certificateSerial", HexFormat.of().formatHex(serial));
        card.put("certificateSha256", HexFormat.of().formatHex(sha));
        card.put("issuedAt", "2026-04-01T00:00:00Z");
        card.put("expiresAt", "2031-03-31T23:59:59Z");
        return card;
    }

    private void register(Map<String, Object> provider) {
        if (city().get("/api/v1/providers/" + provider.get("key")).status() == 404) {
            Api.Response created = city().post("/api/v1/providers", provider);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
    }

    private static Map<String, Object> provider(
            String key, String type, String sso, String scheme, List<String> staffOrganisations) {
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("key", key);
        provider.put("type", type);
        provider.put("nameJa", key + " (ja)");
        provider.put("nameEn", key + " (en)");
        provider.put("ssoMethod", sso);
        provider.put("idScheme", scheme);
        provider.put("baseUrl", "https://" + key + ".test");
        provider.put("staffOrganisations", staffOrganisations);
        provider.put(
                "services",
                List.of(Map.of("key", "eligibility", "nameJa", "資格", "nameEn", "Eligibility", "path", "/e")));
        return provider;
    }
}
