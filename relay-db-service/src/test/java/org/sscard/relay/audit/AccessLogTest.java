package org.sscard.relay.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sscard.relay.support.Api;
import org.sscard.relay.support.RelayApiTest;

class AccessLogTest extends RelayApiTest {

    @Test
    void recordsWhoWhatWhenAndWhyAndServesItNewestFirst() {
        String id = createPerson();
        as("portal-gateway")
                .header("Sscard-Purpose", "reception eligibility check")
                .header("Sscard-Acting-For", "staff:clerk-7")
                .get("/api/v1/persons/" + id);

        Api.Response log = as("portal-gateway").get("/api/v1/persons/" + id + "/access-log");
        assertThat(log.status()).isEqualTo(200);
        JsonNode newest = log.json().get(0);
        assertThat(newest.path("caller").asText()).isEqualTo("portal-gateway");
        assertThat(newest.path("action").asText()).isEqualTo("PERSON_READ");
        assertThat(newest.path("purpose").asText()).isEqualTo("reception eligibility check");
        assertThat(newest.path("actingFor").asText()).isEqualTo("staff:clerk-7");
        assertThat(newest.path("at").asText()).isNotBlank();
        JsonNode oldest = log.json().get(log.json().size() - 1);
        assertThat(oldest.path("action").asText()).isEqualTo("PERSON_CREATE");
        assertThat(oldest.path("caller").asText()).isEqualTo("city-office");

        // reading the log is itself an access
        JsonNode again = as("portal-gateway")
                .get("/api/v1/persons/" + id + "/access-log?limit=1")
                .json();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).path("action").asText()).isEqualTo("ACCESS_LOG_READ");
    }

    @Test
    void isAppendOnlyInTheDatabaseItself() {
        createPerson();
        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE access_log SET purpose = 'rewritten'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM access_log").update()).hasMessageContaining("append-only");
    }

    @Test
    void answersNothingWhenTheAccessCannotBeLogged() {
        String id = createPerson();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION refuse_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit store unavailable'; END; $$""").update();
        jdbc.sql("""
                CREATE TRIGGER refuse_marked_audit BEFORE INSERT ON access_log FOR EACH ROW
                WHEN (NEW.purpose = 'audit-outage-drill') EXECUTE FUNCTION refuse_marked_audit()""").update();
        try {
            Api drill = city().header("Sscard-Purpose", "audit-outage-drill");
            Api.Response read = drill.get("/api/v1/persons/" + id);
            assertThat(read.status()).isEqualTo(503);
            assertThat(read.problemCode()).isEqualTo("AUDIT_UNAVAILABLE");
            assertThat(read.body()).doesNotContain("カモガワ");

            Api.Response change = drill.post("/api/v1/persons/" + id + "/status", Map.of("status", "SUSPENDED"));
            assertThat(change.status()).isEqualTo(503);
            assertThat(city().get("/api/v1/persons/" + id).json().path("status").asText())
                    .isEqualTo("ACTIVE");
        } finally {
            jdbc.sql("DROP TRIGGER refuse_marked_audit ON access_log").update();
        }
    }

    @Test
    void noClientCanWriteRowsOfItsOwnChoosing() {
        String id = createPerson();
        int before = count("access_log");
        for (String client : new String[] {"auth-service", "city-office", "portal-gateway"}) {
            Api.Response written = as(client)
                    .post(
                            "/api/v1/persons/" + id + "/access-log",
                            Map.of("action", "ASSERTION_ISSUED", "providerKey", "test-hospital"));
            assertThat(written.status()).as(client).isEqualTo(405);
            assertThat(written.problemCode()).as(client).isEqualTo("METHOD_NOT_ALLOWED");
        }
        assertThat(count("access_log")).isEqualTo(before);
    }

    @Test
    void refusesAnOutOfRangeLimit() {
        String id = createPerson();
        Api.Response tooMany = as("portal-gateway").get("/api/v1/persons/" + id + "/access-log?limit=5000");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.problemCode()).isEqualTo("INVALID_FIELD");
    }
}
