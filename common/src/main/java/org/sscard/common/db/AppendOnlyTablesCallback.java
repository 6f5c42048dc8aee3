package org.sscard.common.db;

import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * After every migration (also one that applied nothing), no role but an audit table's owner keeps UPDATE, DELETE or
 * TRUNCATE on it ({@link AppendOnlyTables}). A service registers it with {@code @Import} (Spring Boot hands every
 * {@link Callback} bean to its Flyway) or passes it to a Flyway it configures itself.
 */
public final class AppendOnlyTablesCallback implements Callback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            AppendOnlyTables.revokeChanges(context.getConnection());
        } catch (SQLException e) {
            throw new FlywayException("cannot revoke changes on the append-only tables: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "append-only tables";
    }
}
