package org.sscard.relay.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

/**
 * {@code POST /api/v1/releases}: auth-service's one question before it issues a pairwise token or a SAML assertion
 * — joined, the provider's own ID today, and one access-log row — in one transaction.
 */
class ReleaseApiTest extends RelayApiTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    @Test
    void answersTheProvidersOwnIdAndWritesExactlyOneRowNamingWhoWhomWhatAndWhy() {
        String person = createPerson();
        String number = patientNumber();
        map(person, "test-hospital", Map.of("localNumber", number), "2020-01-01");
        subscribe(person, "test-hospital", "medical-records");
        int rows = count("access_log");

        Api.Response released = as("auth-service")
                .header("Sscard-Purpose", "pairwise token for test-hospital")
                .header("Sscard-Acting-For", "staff:clerk-7")
                .post("/api/v1/releases", release(person, "test-hospital", "PAIRWISE_TOKEN"));

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().path("providerKey").asText()).isEqualTo("test-hospital");
        assertThat(released.json().path("providerLocalId").asText()).isEqualTo(number);
        assertThat(released.body()).doesNotContain(person);
        assertThat(count("access_log")).isEqualTo(rows + 1);
        assertThat(newestRow())
                .isEqualTo(Map.of(
                        "caller", "auth-service",
                        "acting_for", "staff:clerk-7",
                        "subject", person,
                        "action", "TOKEN_ISSUED",
                        "purpose", "pairwise token for test-hospital",
                        "provider_key", "test-hospital"));
    }

    @Test
    void answersAnInsuranceCardAsItsCanonicalIdAndLogsAnAssertionWithItsDefaultPurpose() {
        String person = createPerson();
        String number = Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999));
        map(
                person,
                "test-nhi",
                Map.of("insurerNumber", "１２３４５６", "symbol", "鴨川", "number", number, "branch", "01"),
                "2020-04-01");
        subscribe(person, "test-nhi", "eligibility");
        int rows = count("access_log");

        Api.Response released =
                as("auth-service").post("/api/v1/releases", release(person, "test-nhi", "SAML_ASSERTION"));

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().path("providerLocalId").asText()).isEqualTo("123456|鴨川|" + number + "|01");
        assertThat(count("access_log")).isEqualTo(rows + 1);
        assertThat(newestRow())
                .containsEntry("action", "ASSERTION_ISSUED")
                .containsEntry("purpose", "SAML single sign-on")
                .containsEntry("provider_key", "test-nhi");
    }

    @Test
    void refusesAPersonWhoHasNotJoinedTheProviderAndLogsTheRefusalNotAnIssue() {
        String person = createPerson();
        String number = patientNumber();
        map(person, "test-hospital", Map.of("localNumber", number), "2020-01-01");
        map(person, "test-nhi", insuranceCard(), "2020-01-01");
        // joined another provider, and this one once but withdrew: no open subscription here
        subscribe(person, "test-nhi", "eligibility");
        String withdrawn = subscribe(person, "test-hospital", "medical-records");
        city().post("/api/v1/persons/" + person + "/subscriptions/" + withdrawn + "/withdraw", Map.of());
        int rows = count("access_log");

        Api.Response refused = as("auth-service")
                .header("Sscard-Purpose", "SAML single sign-on")
                .post("/api/v1/releases", release(person, "test-hospital", "SAML_ASSERTION"));

        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.problemCode()).isEqualTo("SUBSCRIPTION_NOT_FOUND");
        assertThat(refused.body()).doesNotContain(number);
        assertThat(count("access_log")).isEqualTo(rows + 1);
        assertThat(newestRow())
                .containsEntry("action", "RELEASE_REFUSED")
                .containsEntry("subject", person)
                .containsEntry("provider_key", "test-hospital")
                .containsEntry("purpose", "SAML single sign-on");
    }

    @Test
    void refusesWhenTheProviderHasNoIdForThePersonTodayAndLogsTheRefusal() {
        // joined while the provider knew them, and the mapping ended yesterday
        String ended = createPerson();
        String mappingId = map(ended, "test-hospital", Map.of("localNumber", patientNumber()), "2015-01-01");
        subscribe(ended, "test-hospital", "medical-records");
        city().post(
                        "/api/v1/persons/" + ended + "/mappings/" + mappingId + "/end",
                        Map.of("validTo", TODAY.minusDays(1).toString(), "reason", "left the hospital's care"));
        // subscriptions the API no longer lets anyone make (NOT_JOINABLE) but older data may hold: never mapped, and
        // mapped only from tomorrow
        String neverMapped = createPerson();
        subscribeUnchecked(neverMapped, "test-hospital", "medical-records");
        String notYet = createPerson();
        subscribeUnchecked(notYet, "test-hospital", "medical-records");
        map(
                notYet,
                "test-hospital",
                Map.of("localNumber", patientNumber()),
                TODAY.plusDays(1).toString());

        for (String person : new String[] {neverMapped, ended, notYet}) {
            int rows = count("access_log");
            Api.Response refused =
                    as("auth-service").post("/api/v1/releases", release(person, "test-hospital", "PAIRWISE_TOKEN"));
            assertThat(refused.status()).isEqualTo(404);
            assertThat(refused.problemCode()).isEqualTo("MAPPING_NOT_FOUND");
            assertThat(count("access_log")).isEqualTo(rows + 1);
            assertThat(newestRow()).containsEntry("action", "RELEASE_REFUSED").containsEntry("subject", person);
        }
    }

    @Test
    void refusesUnknownPersonsAndProvidersWithoutWritingAnything() {
        String person = createPerson();
        map(person, "test-hospital", Map.of("localNumber", patientNumber()), "2020-01-01");
        subscribe(person, "test-hospital", "medical-records");
        int rows = count("access_log");

        Api.Response nobody = as("auth-service")
                .post("/api/v1/releases", release(UUID.randomUUID().toString(), "test-hospital", "PAIRWISE_TOKEN"));
        Api.Response nowhere =
                as("auth-service").post("/api/v1/releases", release(person, "no-such-provider", "PAIRWISE_TOKEN"));

        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.problemCode()).isEqualTo("PERSON_NOT_FOUND");
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.problemCode()).isEqualTo("PROVIDER_NOT_FOUND");
        assertThat(count("access_log")).isEqualTo(rows);
    }

    @Test
    void refusesMalformedQuestionsWithProblems() {
        String person = createPerson();
        int rows = count("access_log");

        assertThat(as("auth-service")
                        .post("/api/v1/releases", release(person, "Not A Key", "PAIRWISE_TOKEN"))
                        .problemCode())
                .isEqualTo("INVALID_FIELD");
        Api.Response otherAction =
                as("auth-service").post("/api/v1/releases", release(person, "test-hospital", "PERSON_READ"));
        assertThat(otherAction.status()).isEqualTo(400);
        assertThat(otherAction.problemCode()).isEqualTo("MALFORMED_REQUEST");
        Map<String, Object> nobody = release(person, "test-hospital", "PAIRWISE_TOKEN");
        nobody.remove("person");
        assertThat(as("auth-service").post("/api/v1/releases", nobody).problemCode())
                .isEqualTo("INVALID_FIELD");
        assertThat(count("access_log")).isEqualTo(rows);
    }

    @Test
    void refusesEveryClientButAuthServiceAndWritesNothing() {
        String person = createPerson();
        map(person, "test-hospital", Map.of("localNumber", patientNumber()), "2020-01-01");
        subscribe(person, "test-hospital", "medical-records");
        int rows = count("access_log");

        for (String client : new String[] {
            "portal-gateway", "card-issuer", "insurer-adapters", "hospital-portal", "city-office", "intruder"
        }) {
            Api.Response refused =
                    as(client).post("/api/v1/releases", release(person, "test-hospital", "PAIRWISE_TOKEN"));
            assertThat(refused.status()).as(client).isEqualTo(403);
            assertThat(refused.problemCode()).as(client).isEqualTo("FORBIDDEN");
        }
        assertThat(anonymous()
                        .post("/api/v1/releases", release(person, "test-hospital", "PAIRWISE_TOKEN"))
                        .status())
                .isEqualTo(401);
        assertThat(count("access_log")).isEqualTo(rows);
    }

    @Test
    void answersNoIdWhenTheReleaseCannotBeLogged() {
        String person = createPerson();
        String number = patientNumber();
        map(person, "test-hospital", Map.of("localNumber", number), "2020-01-01");
        subscribe(person, "test-hospital", "medical-records");
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_release_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit store unavailable'; END; $$""").update();
        jdbc.sql("""
                CREATE TRIGGER refuse_release_audit BEFORE INSERT ON access_log FOR EACH ROW
                WHEN (NEW.purpose = 'release-audit-drill') EXECUTE FUNCTION refuse_release_audit()""").update();
        try {
            Api.Response released = as("auth-service")
                    .header("Sscard-Purpose", "release-audit-drill")
                    .post("/api/v1/releases", release(person, "test-hospital", "PAIRWISE_TOKEN"));
            assertThat(released.status()).isEqualTo(503);
            assertThat(released.problemCode()).isEqualTo("AUDIT_UNAVAILABLE");
            assertThat(released.body()).doesNotContain(number);
        } finally {
            jdbc.sql("DROP TRIGGER refuse_release_audit ON access_log").update();
        }
    }

    private static Map<String, Object> release(String person, String provider, String issued) {
        Map<String, Object> body = new HashMap<>();
        body.put("person", person);
        body.put("providerKey", provider);
        body.put("issued", issued);
        return body;
    }

    /** Subscribes the person to the provider's service; returns the subscription's ID. */
    private String subscribe(String person, String provider, String service) {
        Api.Response created = city().post(
                        "/api/v1/persons/" + person + "/subscriptions",
                        Map.of("providerKey", provider, "serviceKey", service));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    /** A subscription written as the relay wrote them before it required a mapping valid today (issue 17). */
    private void subscribeUnchecked(String person, String provider, String service) {
        jdbc.sql("""
                        INSERT INTO subscription (opaque_id, person_id, provider_service_id, chosen_at)
                        SELECT gen_random_uuid(), per.id, ps.id, now() FROM person per, provider_service ps
                        JOIN provider p ON p.id = ps.provider_id
                        WHERE per.opaque_id = :person AND p.provider_key = :provider AND ps.service_key = :service""")
                .param("person", UUID.fromString(person))
                .param("provider", provider)
                .param("service", service)
                .update();
    }

    private static String patientNumber() {
        return "R" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    }

    private Map<String, String> newestRow() {
        return jdbc.sql("""
                        SELECT a.caller, a.acting_for, p.opaque_id, a.action, a.purpose, a.provider_key
                        FROM access_log a JOIN person p ON p.id = a.subject_person_id
                        ORDER BY a.id DESC LIMIT 1""")
                .query((rs, n) -> {
                    Map<String, String> row = new HashMap<>();
                    row.put("caller", rs.getString(1));
                    if (rs.getString(2) != null) {
                        row.put("acting_for", rs.getString(2));
                    }
                    row.put("subject", rs.getString(3));
                    row.put("action", rs.getString(4));
                    row.put("purpose", rs.getString(5));
                    row.put("provider_key", rs.getString(6));
                    return row;
                })
                .single();
    }
}
