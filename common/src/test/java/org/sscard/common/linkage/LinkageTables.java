package org.sscard.common.linkage;

import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.sscard.testsupport.TestPostgres;

/** A fresh database with the outbox, inbox and cursor tables as the classes' comments give them. */
final class LinkageTables {

    final String url;
    final DriverManagerDataSource dataSource;
    final JdbcTemplate jdbc;
    final TransactionTemplate transaction;
    final Outbox outbox;
    final Inbox inbox;

    private LinkageTables(String url) {
        this.url = url;
        this.dataSource = new DriverManagerDataSource(url, "postgres", "");
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.outbox = new Outbox(jdbc, "linkage_outbox", Clock.systemUTC());
        this.inbox = new Inbox(jdbc, "linkage_inbox", "linkage_cursor", Clock.systemUTC());
    }

    static LinkageTables create() {
        LinkageTables tables = new LinkageTables(TestPostgres.createDatabase("linkage"));
        tables.jdbc.execute("""
                CREATE TABLE linkage_outbox (
                    position    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    event_id    uuid        NOT NULL UNIQUE,
                    consumer    text        NOT NULL,
                    type        text        NOT NULL,
                    subject     text        NOT NULL,
                    payload     jsonb       NOT NULL,
                    occurred_at timestamptz NOT NULL,
                    tx          xid8        NOT NULL DEFAULT pg_current_xact_id());
                CREATE INDEX linkage_outbox_consumer ON linkage_outbox (consumer, position);
                CREATE TABLE linkage_inbox (
                    source      text        NOT NULL,
                    event_id    uuid        NOT NULL,
                    position    bigint      NOT NULL,
                    type        text        NOT NULL,
                    received_at timestamptz NOT NULL,
                    PRIMARY KEY (source, event_id));
                CREATE TABLE linkage_cursor (
                    source     text        PRIMARY KEY,
                    position   bigint      NOT NULL,
                    updated_at timestamptz NOT NULL);
                """);
        return tables;
    }
}
