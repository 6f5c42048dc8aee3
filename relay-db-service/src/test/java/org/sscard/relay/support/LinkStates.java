package org.sscard.relay.support;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Puts a person's link into the state a look-up must not see: SUSPENDED as the resident does it (the gateway's
 * dispute, over HTTP), REMOVED as the provider's administrator's "confirmed not theirs" leaves it (relay/linkage's
 * decision, written here directly), or back as a reinstatement leaves it.
 */
public final class LinkStates {

    private LinkStates() {}

    /** {@code state}: SUSPENDED or REMOVED. */
    public static void hide(Api gateway, JdbcClient jdbc, String person, String mapping, String state) {
        Api.Response disputed = gateway.header("Sscard-Acting-For", "person:" + person)
                .post("/api/v1/persons/" + person + "/links/" + mapping + "/dispute", Map.of());
        if (disputed.status() != 200 || !disputed.json().path("status").asText().equals("SUSPENDED")) {
            throw new AssertionError("not disputed: " + disputed.body());
        }
        if (state.equals("REMOVED")) {
            decide(jdbc, mapping, "CONFIRMED_NOT_THEIRS", "'REMOVED'");
        } else if (!state.equals("SUSPENDED")) {
            throw new IllegalArgumentException(state);
        }
    }

    /** The administrator reinstated the disputed link: back to the status it was suspended from. */
    public static void reinstate(JdbcClient jdbc, String mapping) {
        decide(jdbc, mapping, "REINSTATED", "suspended_from_status, suspended_at = NULL");
    }

    /** {@code set}: the SQL assignment of the mapping's status (and anything else the decision changes). */
    private static void decide(JdbcClient jdbc, String mapping, String decision, String set) {
        jdbc.sql("UPDATE service_mapping SET status = " + set + " WHERE opaque_id = :m")
                .param("m", UUID.fromString(mapping))
                .update();
        jdbc.sql("""
                        UPDATE link_review SET status = :decision, decided_at = now(), decided_by = 'staff:test'
                        WHERE status = 'OPEN' AND kind = 'DISPUTED'
                        AND mapping_id = (SELECT id FROM service_mapping WHERE opaque_id = :m)""")
                .param("decision", decision)
                .param("m", UUID.fromString(mapping))
                .update();
    }
}
