package org.sscard.relay.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.provider.ProviderKey;
import org.sscard.common.web.CommonError;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.provider.ProviderRef;
import org.sscard.relay.provider.ProviderRegistry;

/** The staff registry: reception clerks, insurer and city administrators, each bound to one organisation. */
@Service
public class StaffService {

    private static final String VIEW = """
            SELECT s.id, s.opaque_id, coalesce(p.provider_key, 'city') AS organisation, s.role, s.name_kanji,
                   s.name_kana, s.status, s.status_changed_at
            FROM staff s LEFT JOIN provider p ON p.id = s.provider_id
            """;

    private final JdbcClient jdbc;
    private final ProviderRegistry providers;
    private final Clock clock;

    StaffService(JdbcClient jdbc, ProviderRegistry providers, Clock clock) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.clock = clock;
    }

    @Transactional
    public StaffView create(StaffRequests.CreateStaff request) {
        Long providerId = organisationFor(request.role(), request.organisation());
        UUID opaqueId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO staff (opaque_id, provider_id, role, name_kanji, name_kana, status, status_changed_at)
                        VALUES (:opaque, :provider, :role, :kanji, :kana, 'ACTIVE', :now)""")
                .param("opaque", opaqueId)
                .param("provider", providerId)
                .param("role", request.role().name())
                .param("kanji", request.nameKanji().strip())
                .param("kana", request.nameKana().strip())
                .param("now", now())
                .update();
        return read(opaqueId);
    }

    @Transactional(readOnly = true)
    public StaffView read(UUID opaqueId) {
        return find(opaqueId, false)
                .map(Row::view)
                .orElseThrow(() -> new RelayException(RelayError.STAFF_NOT_FOUND, "no such staff member"));
    }

    @Transactional(readOnly = true)
    public List<StaffView> ofOrganisation(String organisation) {
        return jdbc
                .sql(VIEW + "WHERE coalesce(p.provider_key, 'city') = :org ORDER BY s.id")
                .param("org", organisation)
                .query(StaffService::row)
                .list()
                .stream()
                .map(Row::view)
                .toList();
    }

    @Transactional
    public StaffView changeStatus(UUID opaqueId, StaffRequests.ChangeStatus request) {
        Row staff = find(opaqueId, true)
                .orElseThrow(() -> new RelayException(RelayError.STAFF_NOT_FOUND, "no such staff member"));
        if (!staff.view().status().canChangeTo(request.status())) {
            throw new RelayException(
                    RelayError.INVALID_STATE_CHANGE,
                    "staff in status " + staff.view().status() + " cannot change to " + request.status());
        }
        jdbc.sql("UPDATE staff SET status = :status, status_changed_at = :now WHERE id = :id")
                .param("status", request.status().name())
                .param("now", now())
                .param("id", staff.id())
                .update();
        return read(opaqueId);
    }

    /** The internal row id of a staff member, for cards. */
    public long requireId(UUID opaqueId) {
        return find(opaqueId, false)
                .map(Row::id)
                .orElseThrow(() -> new RelayException(RelayError.STAFF_NOT_FOUND, "no such staff member"));
    }

    private Long organisationFor(StaffRole role, String organisation) {
        if (role.organisationType() == null) {
            if (!ProviderKey.CITY.equals(organisation)) {
                throw new RelayException(CommonError.INVALID_FIELD, "a city admin belongs to the organisation 'city'");
            }
            return null;
        }
        ProviderRef provider = providers.requireRef(organisation);
        if (provider.type() != role.organisationType()) {
            throw new RelayException(
                    CommonError.INVALID_FIELD,
                    "a " + role + " belongs to a provider of type " + role.organisationType() + ", and '" + organisation
                            + "' is " + provider.type());
        }
        return provider.id();
    }

    private Optional<Row> find(UUID opaqueId, boolean forUpdate) {
        return jdbc.sql(VIEW + "WHERE s.opaque_id = :opaque" + (forUpdate ? " FOR UPDATE OF s" : ""))
                .param("opaque", opaqueId)
                .query(StaffService::row)
                .optional();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getLong(1),
                new StaffView(
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        StaffRole.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        StaffStatus.valueOf(rs.getString(7)),
                        rs.getObject(8, OffsetDateTime.class).toInstant()));
    }

    private record Row(long id, StaffView view) {}
}
