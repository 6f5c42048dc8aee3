package org.sscard.console.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.sscard.console.backend.BackendException;
import org.sscard.console.login.Staff;

/**
 * The append-only {@code admin_action}: who (staff ID, name, role, organisation), for whom (a person's opaque ID or a
 * provider key), what, before and after (jsonb, where meaningful), why, when, and how it ended. A change is written
 * twice: {@code ASKED} before the back end is asked, so that an action that cannot be recorded is not done at all
 * (fail closed), and its outcome after. A read is written once, before its data is shown.
 */
@Component
public class AdminActions {

    private static final Logger LOG = LoggerFactory.getLogger(AdminActions.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AdminActions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A change: {@code ASKED} with {@code before} and {@code reason}, then {@code call}, then its outcome with
     * {@code after} of the result. Exceptions of the call are recorded and thrown on.
     */
    public <T> T change(
            Staff staff,
            String actingFor,
            Action action,
            String reason,
            Object before,
            Supplier<T> call,
            Function<T, Object> after) {
        return change(staff, actingFor, result -> actingFor, action, reason, before, call, after);
    }

    /**
     * A change whose subject is known only from its result (a newly registered resident): the outcome row names it
     * ({@code actingForResult}), the ASKED row {@code actingFor} (null when there is none yet).
     */
    public <T> T change(
            Staff staff,
            String actingFor,
            Function<T, String> actingForResult,
            Action action,
            String reason,
            Object before,
            Supplier<T> call,
            Function<T, Object> after) {
        UUID request = UUID.randomUUID();
        insert(request, request, staff, actingFor, action, Outcome.ASKED, null, before, null, reason);
        T result;
        try {
            result = call.get();
        } catch (BackendException e) {
            insert(UUID.randomUUID(), request, staff, actingFor, action, Outcome.REFUSED, e.code(), null, null, null);
            throw e;
        } catch (RuntimeException e) {
            insert(UUID.randomUUID(), request, staff, actingFor, action, Outcome.FAILED, failure(e), null, null, null);
            throw e;
        }
        insert(
                UUID.randomUUID(),
                request,
                staff,
                actingForResult.apply(result),
                action,
                Outcome.DONE,
                null,
                null,
                after.apply(result),
                null);
        return result;
    }

    /** A read the operator made: one row, written before what was read is shown. */
    public void read(Staff staff, String actingFor, Action action, Object what) {
        UUID id = UUID.randomUUID();
        insert(id, id, staff, actingFor, action, Outcome.ASKED, null, null, null, null);
        insert(UUID.randomUUID(), id, staff, actingFor, action, Outcome.DONE, null, null, what, null);
    }

    /** A read the back end refused (e.g. nobody with that SSN and date of birth): recorded all the same. */
    public void readRefused(Staff staff, String actingFor, Action action, String problem) {
        UUID id = UUID.randomUUID();
        insert(id, id, staff, actingFor, action, Outcome.ASKED, null, null, null, null);
        insert(UUID.randomUUID(), id, staff, actingFor, action, Outcome.REFUSED, problem, null, null, null);
    }

    private void insert(
            UUID id,
            UUID request,
            Staff staff,
            String actingFor,
            Action action,
            Outcome outcome,
            String problem,
            Object before,
            Object after,
            String reason) {
        jdbc.sql("""
                        INSERT INTO admin_action (action_id, request_id, at, staff_id, staff_name, role, organisation,
                                                  acting_for, action, outcome, problem, before, after, reason)
                        VALUES (:id, :request, :at, :staff, :name, :role, :organisation, :actingFor, :action,
                                :outcome, :problem, CAST(:before AS jsonb), CAST(:after AS jsonb), :reason)""")
                .param("id", id)
                .param("request", request)
                .param("at", Timestamp.from(clock.instant()))
                .param("staff", staff.subject())
                .param("name", staff.name())
                .param("role", staff.role())
                .param("organisation", staff.organisation())
                .param("actingFor", actingFor)
                .param("action", action.name())
                .param("outcome", outcome.name())
                .param("problem", problem)
                .param("before", jsonb(before))
                .param("after", jsonb(after))
                .param("reason", reason)
                .update();
        if (outcome != Outcome.ASKED) {
            LOG.info(
                    "admin action {} {} by staff {} ({} {}) for {}: {}{}",
                    request,
                    action,
                    staff.subject(),
                    staff.role(),
                    staff.organisation(),
                    actingFor,
                    outcome,
                    problem == null ? "" : " " + problem);
        }
    }

    private String jsonb(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record " + value.getClass().getSimpleName(), e);
        }
    }

    private static String failure(RuntimeException e) {
        return e.getClass().getSimpleName();
    }
}
