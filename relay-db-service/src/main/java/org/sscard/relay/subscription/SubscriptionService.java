package org.sscard.relay.subscription;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.person.PersonRef;
import org.sscard.relay.person.PersonService;
import org.sscard.relay.provider.ProviderType;
import org.sscard.relay.provider.SsoMethod;

/** The services a resident chose, and the portal menu built from them, the registry and the mappings. */
@Service
public class SubscriptionService {

    private static final String SUBSCRIPTION = """
            SELECT s.opaque_id, p.provider_key, ps.service_key, s.chosen_at, s.withdrawn_at FROM subscription s
            JOIN provider_service ps ON ps.id = s.provider_service_id JOIN provider p ON p.id = ps.provider_id
            """;

    private final JdbcClient jdbc;
    private final PersonService persons;
    private final AccessLog accessLog;
    private final Clock clock;

    SubscriptionService(JdbcClient jdbc, PersonService persons, AccessLog accessLog, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Transactional
    public SubscriptionView subscribe(UUID personId, SubscriptionRequests.Subscribe request) {
        PersonRef person = persons.requireRefForUpdate(personId);
        Long serviceId = jdbc.sql("""
                        SELECT ps.id FROM provider_service ps JOIN provider p ON p.id = ps.provider_id
                        WHERE p.provider_key = :provider AND ps.service_key = :service""")
                .param("provider", request.providerKey())
                .param("service", request.serviceKey())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new RelayException(
                        RelayError.SERVICE_NOT_FOUND,
                        "no service '" + request.serviceKey() + "' at '" + request.providerKey() + "'"));
        boolean open = jdbc.sql("""
                        SELECT count(*) FROM subscription WHERE person_id = :person AND provider_service_id = :service
                        AND withdrawn_at IS NULL""")
                        .param("person", person.id())
                        .param("service", serviceId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (open) {
            throw new RelayException(RelayError.DUPLICATE_SUBSCRIPTION, "already subscribed");
        }
        // a tile that could never open (the provider has no ID for the person) is not offered, whoever asks; a link the
        // resident disputed (SUSPENDED) or the provider disowned (REMOVED) is no ID
        boolean known = jdbc.sql("""
                        SELECT count(*) FROM service_mapping m JOIN provider p ON p.id = m.provider_id
                        WHERE m.person_id = :person AND p.provider_key = :provider AND m.valid_from <= :today
                        AND coalesce(m.valid_to, 'infinity'::date) >= :today
                        AND m.status IN ('ACTIVE', 'ENDED')""")
                        .param("person", person.id())
                        .param("provider", request.providerKey())
                        .param("today", today())
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) {
            throw new RelayException(
                    RelayError.NOT_JOINABLE, "'" + request.providerKey() + "' holds no ID for the person valid today");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO subscription (opaque_id, person_id, provider_service_id, chosen_at)
                        VALUES (:id, :person, :service, :now)""")
                .param("id", id)
                .param("person", person.id())
                .param("service", serviceId)
                .param("now", now())
                .update();
        accessLog.record(person.id(), AccessAction.SUBSCRIBE, "service subscription", request.providerKey());
        return find(person.id(), id);
    }

    @Transactional
    public SubscriptionView withdraw(UUID personId, UUID subscriptionId) {
        PersonRef person = persons.requireRefForUpdate(personId);
        SubscriptionView subscription = find(person.id(), subscriptionId);
        if (subscription.withdrawnAt() != null) {
            throw new RelayException(RelayError.INVALID_STATE_CHANGE, "the subscription was already withdrawn");
        }
        jdbc.sql("UPDATE subscription SET withdrawn_at = :now WHERE opaque_id = :id")
                .param("now", now())
                .param("id", subscriptionId)
                .update();
        accessLog.record(person.id(), AccessAction.WITHDRAW, "service withdrawal", subscription.providerKey());
        return find(person.id(), subscriptionId);
    }

    /**
     * The portal menu: open subscriptions, each marked whether a mapping is valid today. A provider whose link to the
     * person is disputed (SUSPENDED) or disowned (REMOVED), and that holds no other ID for them today, has no tile at
     * all: the resident said it is not them, so it is not shown as theirs "not ready yet" either. The subscription
     * stays (service-choices lists it JOINED, so that they can withdraw), and the tile is back if the link is
     * reinstated.
     */
    @Transactional
    public List<MenuEntry> menu(UUID personId) {
        PersonRef person = persons.requireRef(personId);
        LocalDate today = today();
        List<MenuEntry> entries = jdbc.sql("""
                        SELECT p.provider_key, p.provider_type, p.name_ja, p.name_en, p.sso_method, p.base_url,
                               ps.service_key, ps.name_ja, ps.name_en, ps.path, s.opaque_id, s.chosen_at, k.mapped
                        FROM subscription s JOIN provider_service ps ON ps.id = s.provider_service_id
                        JOIN provider p ON p.id = ps.provider_id
                        CROSS JOIN LATERAL (
                            SELECT coalesce(bool_or(m.valid_from <= :today
                                                    AND coalesce(m.valid_to, 'infinity'::date) >= :today
                                                    AND m.status IN ('ACTIVE', 'ENDED')), false) AS mapped,
                                   coalesce(bool_or(m.status IN ('SUSPENDED', 'REMOVED')), false) AS disputed
                            FROM service_mapping m WHERE m.person_id = s.person_id AND m.provider_id = p.id) k
                        WHERE s.person_id = :person AND s.withdrawn_at IS NULL AND (k.mapped OR NOT k.disputed)
                        ORDER BY p.provider_key, ps.id""")
                .param("person", person.id())
                .param("today", today)
                .query((rs, n) -> new MenuEntry(
                        rs.getString(1),
                        ProviderType.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        SsoMethod.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getObject(11, UUID.class),
                        rs.getObject(12, OffsetDateTime.class).toInstant(),
                        rs.getBoolean(13)))
                .list();
        accessLog.record(person.id(), AccessAction.SERVICES_READ, "portal menu", null);
        return entries;
    }

    private SubscriptionView find(long personId, UUID subscriptionId) {
        return jdbc.sql(SUBSCRIPTION + "WHERE s.person_id = :person AND s.opaque_id = :id")
                .param("person", personId)
                .param("id", subscriptionId)
                .query((rs, n) -> new SubscriptionView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional()
                .orElseThrow(() -> new RelayException(RelayError.SUBSCRIPTION_NOT_FOUND, "no such subscription"));
    }

    /**
     * Every service of every registered provider and where the person stands with it: JOINED (an open subscription),
     * JOINABLE (the provider holds an ID for them valid today, not subscribed) or NOT_KNOWN (no such ID).
     */
    @Transactional
    public List<ServiceChoice> choices(UUID personId) {
        PersonRef person = persons.requireRef(personId);
        List<ServiceChoice> choices = jdbc.sql("""
                        SELECT p.provider_key, p.provider_type, p.name_ja, p.name_en, ps.service_key, ps.name_ja,
                               ps.name_en, s.opaque_id,
                               EXISTS (SELECT 1 FROM service_mapping m WHERE m.person_id = :person
                                       AND m.provider_id = p.id AND m.valid_from <= :today
                                       AND coalesce(m.valid_to, 'infinity'::date) >= :today
                                       AND m.status IN ('ACTIVE', 'ENDED')) AS known
                        FROM provider p JOIN provider_service ps ON ps.provider_id = p.id
                        LEFT JOIN subscription s ON s.provider_service_id = ps.id AND s.person_id = :person
                             AND s.withdrawn_at IS NULL
                        ORDER BY p.provider_key, ps.id""")
                .param("person", person.id())
                .param("today", today())
                .query((rs, n) -> {
                    UUID subscription = rs.getObject(8, UUID.class);
                    return new ServiceChoice(
                            rs.getString(1),
                            ProviderType.valueOf(rs.getString(2)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            ServiceChoice.State.of(subscription != null, rs.getBoolean(9)),
                            subscription);
                })
                .list();
        accessLog.record(person.id(), AccessAction.SERVICES_READ, "service choices", null);
        return choices;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
