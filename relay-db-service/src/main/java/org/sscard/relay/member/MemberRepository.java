package org.sscard.relay.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.person.Sex;

@Repository
class MemberRepository {

    private static final String SELECT = """
            SELECT per.id, per.opaque_id, per.name_kana, per.name_kanji, per.date_of_birth, per.sex, m.opaque_id,
                   m.local_id, m.insurer_number, m.insurance_symbol, m.insurance_number, m.insurance_branch,
                   m.local_number, m.valid_from, m.valid_to, m.status
            FROM service_mapping m JOIN person per ON per.id = m.person_id
            """;

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the provider's memberships, by kana name, then person, then validity. */
    List<Row> page(long providerId, int page, int size) {
        return jdbc.sql(SELECT + """
                        WHERE m.provider_id = :provider
                        ORDER BY per.name_kana, per.id, m.valid_from, m.id LIMIT :size OFFSET :offset""")
                .param("provider", providerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(MemberRepository::row)
                .list();
    }

    long count(long providerId) {
        return jdbc.sql("SELECT count(*) FROM service_mapping WHERE provider_id = :provider")
                .param("provider", providerId)
                .query(Long.class)
                .single();
    }

    /** The membership with this mapping ID at this provider only: another provider's mapping is not found. */
    Optional<Row> byMapping(long providerId, UUID mappingId) {
        return jdbc.sql(SELECT + "WHERE m.provider_id = :provider AND m.opaque_id = :mapping")
                .param("provider", providerId)
                .param("mapping", mappingId)
                .query(MemberRepository::row)
                .optional();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                new Member(
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        Sex.valueOf(rs.getString(6)),
                        rs.getObject(7, UUID.class),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getString(13),
                        rs.getObject(14, LocalDate.class),
                        rs.getObject(15, LocalDate.class),
                        MappingStatus.valueOf(rs.getString(16))));
    }

    /** {@code personId}: the relay-internal row ID, for the access log. */
    record Row(long personId, Member member) {}
}
