package org.sscard.relay.release;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReleaseRepository {

    private final JdbcClient jdbc;

    ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Everything a release decides on, in one statement by primary and unique keys: the person, the provider, whether
     * the person has an open subscription to any of the provider's services, and the canonical ID of the mapping
     * valid on {@code day} (the relay keeps at most one per person, provider and day). A SUSPENDED or REMOVED mapping
     * (disputed by the resident, disowned by the provider) is none: nothing is released through it. Empty: no such
     * person.
     */
    Optional<Facts> facts(UUID person, String providerKey, LocalDate day) {
        return jdbc.sql("""
                        SELECT per.id, p.id,
                               EXISTS (SELECT 1 FROM subscription s
                                       JOIN provider_service ps ON ps.id = s.provider_service_id
                                       WHERE s.person_id = per.id AND ps.provider_id = p.id
                                       AND s.withdrawn_at IS NULL),
                               m.local_id
                        FROM person per
                        LEFT JOIN provider p ON p.provider_key = :provider
                        LEFT JOIN service_mapping m ON m.person_id = per.id AND m.provider_id = p.id
                             AND m.valid_from <= :day AND coalesce(m.valid_to, 'infinity'::date) >= :day
                             AND m.status IN ('ACTIVE', 'ENDED')
                        WHERE per.opaque_id = :person""")
                .param("person", person)
                .param("provider", providerKey)
                .param("day", day)
                .query((rs, n) -> new Facts(
                        rs.getLong(1), rs.getObject(2, Long.class) != null, rs.getBoolean(3), rs.getString(4)))
                .optional();
    }

    /** {@code localId}: the mapping's canonical ID, null when there is none valid on the day. */
    record Facts(long personId, boolean providerExists, boolean subscribed, String localId) {}
}
