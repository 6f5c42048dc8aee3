package org.sscard.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.sscard.console.backend.BackendException;
import org.sscard.console.login.ConsoleRole;
import org.sscard.console.login.Staff;
import org.sscard.console.support.ConsoleTest;

/**
 * admin_action: an ASKED row before every change and its outcome after, before and after as jsonb; and no row can be
 * changed or removed, not even by its owner (here the superuser).
 */
class AdminActionTableTest extends ConsoleTest {

    @Autowired
    AdminActions actions;

    private static Staff cityAdmin() {
        return new Staff(UUID.randomUUID().toString(), "市役 太一", null, "CITY_ADMIN", "city", ConsoleRole.CITY);
    }

    @Test
    void writesTheAskedRowBeforeTheCallAndTheOutcomeWithBeforeAndAfterAsJsonb() {
        Staff staff = cityAdmin();
        String person = UUID.randomUUID().toString();

        actions.change(
                staff,
                person,
                Action.SUSPEND_CARD,
                "紛失",
                Map.of("cardSerial", "C-1", "status", "ACTIVE"),
                () -> {
                    assertThat(count(staff, "ASKED"))
                            .as("recorded before the back end is asked")
                            .isOne();
                    return "ON_HOLD";
                },
                status -> Map.of("cardSerial", "C-1", "status", "SUSPENDED"));

        var rows = jdbc.sql("""
                        SELECT request_id, outcome, acting_for, reason, before ->> 'status' AS before_status,
                               after ->> 'status' AS after_status, role, organisation, staff_name
                        FROM admin_action WHERE staff_id = :s ORDER BY CASE outcome WHEN 'ASKED' THEN 0 ELSE 1 END""").param("s", staff.subject()).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0))
                .containsEntry("outcome", "ASKED")
                .containsEntry("reason", "紛失")
                .containsEntry("before_status", "ACTIVE")
                .containsEntry("acting_for", person)
                .containsEntry("role", "CITY_ADMIN")
                .containsEntry("organisation", "city")
                .containsEntry("staff_name", "市役 太一");
        assertThat(rows.get(1)).containsEntry("outcome", "DONE").containsEntry("after_status", "SUSPENDED");
        assertThat(rows.get(1).get("request_id")).isEqualTo(rows.get(0).get("request_id"));
    }

    @Test
    void recordsARefusalWithTheBackEndsProblemCode() {
        Staff staff = cityAdmin();

        assertThatThrownBy(() -> actions.change(
                        staff,
                        null,
                        Action.REGISTER_RESIDENT,
                        null,
                        null,
                        () -> {
                            throw new BackendException(
                                    "relay-db-service", 409, "DUPLICATE_PERSON", "dup", java.util.List.of());
                        },
                        result -> result))
                .isInstanceOf(BackendException.class);

        assertThat(jdbc.sql("SELECT problem FROM admin_action WHERE staff_id = :s AND outcome = 'REFUSED'")
                        .param("s", staff.subject())
                        .query(String.class)
                        .single())
                .isEqualTo("DUPLICATE_PERSON");
    }

    @Test
    void anAdminActionCanNeitherBeChangedNorRemoved() {
        Staff staff = cityAdmin();
        actions.read(staff, "kameda-kenpo", Action.LIST_MEMBERS, Map.of("page", 0));

        assertThatThrownBy(() -> jdbc.sql("UPDATE admin_action SET reason = 'x' WHERE staff_id = :s")
                        .param("s", staff.subject())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("admin_action is append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM admin_action WHERE staff_id = :s")
                        .param("s", staff.subject())
                        .update())
                .hasMessageContaining("admin_action is append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE admin_action").update())
                .hasMessageContaining("admin_action is append-only");
        assertThat(count(staff, "DONE")).isOne();
    }

    @Test
    void theAppendOnlyTriggerIsNamedSoThatCommonRevokesChangesFromTheRuntimeRole() {
        assertThat(jdbc.sql("""
                        SELECT p.proname FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                        JOIN pg_class c ON c.oid = t.tgrelid
                        WHERE c.relname = 'admin_action' AND NOT t.tgisinternal""").query(String.class).list())
                .isNotEmpty()
                .allMatch(name -> name.contains("append_only"));
    }

    @Test
    void hasNoPlaceForAPinAPersonalIdOrACard() {
        var columns = jdbc.sql("SELECT column_name FROM information_schema.columns WHERE table_name = 'admin_action'")
                .query(String.class)
                .list();

        assertThat(columns)
                .contains("staff_id", "role", "organisation", "acting_for", "action", "before", "after", "reason", "at")
                .noneMatch(column -> column.contains("pin")
                        || column.contains("personal")
                        || column.contains("ssn")
                        || column.contains("pkcs")
                        || column.contains("code"));
    }

    private int count(Staff staff, String outcome) {
        return jdbc.sql("SELECT count(*) FROM admin_action WHERE staff_id = :s AND outcome = :o")
                .param("s", staff.subject())
                .param("o", outcome)
                .query(Integer.class)
                .single();
    }
}
