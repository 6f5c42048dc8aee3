package org.sscard.desk.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.sscard.desk.support.DeskTest;

/** check_record and clerk_flag refuse every change and removal, even to their owner (here the superuser). */
class AppendOnlyTablesTest extends DeskTest {

    private UUID appendCheck() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO check_record (check_id, at, clerk, organisation, role, channel, method, reason, outcome,
                                                  refusal, patient_number, insurer, statement_id)
                        VALUES (:id, :at, :clerk, 'kameda-hospital', 'RECEPTION_CLERK', 'PAGE', 'SSN',
                                'CARD_FORGOTTEN', 'REFUSED', 'NOT_MATCHED', NULL, NULL, :id)""")
                .param("id", id)
                .param("at", Timestamp.from(Instant.now()))
                .param("clerk", newClerk())
                .update();
        return id;
    }

    @Test
    void aCheckRecordCanNeitherBeChangedNorRemoved() {
        UUID id = appendCheck();

        assertThatThrownBy(
                        () -> jdbc.sql("UPDATE check_record SET outcome = 'VALID', refusal = NULL WHERE check_id = :id")
                                .param("id", id)
                                .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("check_record is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM check_record WHERE check_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("check_record is append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE check_record").update())
                .hasMessageContaining("check_record is append-only");
        assertThat(jdbc.sql("SELECT outcome FROM check_record WHERE check_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("REFUSED");
    }

    @Test
    void aClerkFlagCanNeitherBeChangedNorRemoved() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO clerk_flag (flag_id, at, clerk, organisation, checks_in_window, max_checks, window_seconds)
                        VALUES (:id, now(), :clerk, 'kameda-hospital', 61, 60, 600)""").param("id", id).param("clerk", newClerk()).update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE clerk_flag SET checks_in_window = 1 WHERE flag_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("clerk_flag is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM clerk_flag WHERE flag_id = :id")
                        .param("id", id)
                        .update())
                .hasMessageContaining("clerk_flag is append-only");
    }

    @Test
    void aCheckRecordHasNoPlaceForThePersonalIdTheSsnOrTheDateOfBirth() {
        var columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'check_record'")
                .query(String.class)
                .list();

        assertThat(columns)
                .contains("clerk", "organisation", "method", "reason", "outcome", "refusal", "patient_number")
                .noneMatch(column -> column.contains("ssn")
                        || column.contains("personal")
                        || column.contains("birth")
                        || column.contains("certificate"));
    }
}
