package org.sscard.adapters.linkage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;

/**
 * The previous-coverage notices the relay delivered, newest first, for the insurer's administrator: whose (the
 * member's own local ID and name here) and what the relay said (the previous insurer's names, the loss date).
 * Every member shown gets an access-log entry naming the administrator, as the other lists of this service do.
 */
@Service
class Notices {

    static final String PURPOSE = "前の保険の喪失の確認 / previous-coverage notices";

    record Notice(
            String localId,
            String nameKanji,
            String previousInsurerNameJa,
            String previousInsurerNameEn,
            LocalDate lostOn,
            Instant receivedAt) {}

    record Page(List<Notice> items, int page, int size, long total) {}

    private final JdbcClient jdbc;
    private final AccessLog accessLog;

    Notices(JdbcClient jdbc, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.accessLog = accessLog;
    }

    @Transactional
    Page page(Provider provider, Caller operator, int page, int size) {
        List<Notice> items = jdbc.sql("SELECT p.local_id, m.name_kanji, p.previous_insurer_name_ja,"
                        + " p.previous_insurer_name_en, p.lost_on, p.received_at FROM "
                        + provider.table("previous_coverage") + " p LEFT JOIN " + provider.table("member")
                        + " m ON m.local_id = p.local_id ORDER BY p.received_at DESC, p.id DESC LIMIT ? OFFSET ?")
                .params(size, (long) page * size)
                .query((rs, n) -> new Notice(
                        rs.getString("local_id"),
                        rs.getString("name_kanji"),
                        rs.getString("previous_insurer_name_ja"),
                        rs.getString("previous_insurer_name_en"),
                        rs.getDate("lost_on").toLocalDate(),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        accessLog.recordFor(
                provider,
                items.stream().map(Notice::localId).toList(),
                operator.who(),
                operator.organisation(),
                operator.role(),
                AccessAction.PREVIOUS_COVERAGE_READ,
                PURPOSE);
        Long total = jdbc.sql("SELECT count(*) FROM " + provider.table("previous_coverage"))
                .query(Long.class)
                .single();
        return new Page(items, page, size, total);
    }
}
