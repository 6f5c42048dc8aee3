package org.sscard.relay.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.person.Sex;

@Repository
class MemberRepository {

    private static final String SELECT = """
            SELECT per.id, per.name_kana, per.name_kanji, per.date_of_birth, per.sex, m.opaque_id,
                   m.local_id, m.insurer_number, m.insurance_symbol, m.insurance_number, m.insurance_branch,
                   m.local_number, m.valid_from, m.valid_to, m.status
            FROM service_mapping m JOIN person per ON per.id = m.person_id
            """;

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the provider's memberships, by kana name, then person, then validity. A SUSPENDED link (the resident
     * said it is not them) or a REMOVED one (the insurer confirmed it) is no membership.
     */
    List<Row> page(long providerId, int page, int size) {
        return jdbc.sql(SELECT + """
                        WHERE m.provider_id = :provider AND m.status IN ('ACTIVE', 'ENDED')
                        ORDER BY per.name_kana, per.id, m.valid_from, m.id LIMIT :size OFFSET :offset""")
                .param("provider", providerId)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(MemberRepository::row)
                .list();
    }

    long count(long providerId) {
        return jdbc.sql("SELECT count(*) FROM service_mapping WHERE provider_id = :provider"
                        + " AND status IN ('ACTIVE', 'ENDED')")
                .param("provider", providerId)
                .query(Long.class)
                .single();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                new Member(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        Sex.valueOf(rs.getString(5)),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12),
                        rs.getObject(13, LocalDate.class),
                        rs.getObject(14, LocalDate.class),
                        MappingStatus.valueOf(rs.getString(15))));
    }

    /** {@code personId}: the relay-internal row ID, for the access log. */
    record Row(long personId, Member member) {}
}
