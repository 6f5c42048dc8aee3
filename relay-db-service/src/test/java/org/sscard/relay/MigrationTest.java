package org.sscard.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.sscard.testsupport.TestPostgres;

class MigrationTest {

    @Test
    void migratesAnEmptyDatabaseToTheFullSchemaAndValidates() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(TestPostgres.createDatabase("migration"), "postgres", "");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(1);
        flyway.validate();

        List<String> tables =
                JdbcClient.create(dataSource).sql("""
                        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                        AND table_type = 'BASE TABLE'""").query(String.class).list();
        assertThat(tables)
                .contains(
                        "person",
                        "person_status_history",
                        "staff",
                        "provider",
                        "provider_service",
                        "service_mapping",
                        "card",
                        "subscription",
                        "access_log",
                        "card_status_history");
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }

    @Test
    void givesEveryCardRegisteredBeforeCardHistoryOneRowOfWhatIsKnown() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(TestPostgres.createDatabase("migration_v7"), "postgres", "");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("6")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("""
                INSERT INTO person (opaque_id, personal_id, name_kana, name_kanji, date_of_birth, sex, status,
                                    status_changed_at)
                VALUES (gen_random_uuid(), repeat('1', 44), 'カモガワ', NULL, '1958-04-12', 'FEMALE', 'ACTIVE', now())""").update();
        for (String[] card :
                new String[][] {{"KC-0001", "a1", "ACTIVE", null}, {"KC-0002", "a2", "REVOKED", "keyCompromise"}}) {
            jdbc.sql("""
                            INSERT INTO card (card_serial, person_id, certificate_serial, certificate_sha256, status,
                                              revocation_reason, issued_at, expires_at, status_changed_at)
                            SELECT :card, id, :serial, repeat(:serial, 32), :status, :reason, '2026-04-01T00:00Z',
                                   '2031-03-31T00:00Z', '2026-06-01T00:00Z' FROM person""")
                    .param("card", card[0])
                    .param("serial", card[1])
                    .param("status", card[2])
                    .param("reason", card[3])
                    .update();
        }

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(jdbc.sql("""
                        SELECT c.card_serial || ' ' || h.status || ' ' || coalesce(h.reason, '-') || ' '
                               || (h.changed_at = c.status_changed_at)
                        FROM card_status_history h JOIN card c ON c.id = h.card_id ORDER BY c.card_serial""").query(String.class).list())
                .containsExactly("KC-0001 ACTIVE - true", "KC-0002 REVOKED keyCompromise true");
        assertThat(jdbc.sql("SELECT count(*) FROM person WHERE address IS NULL")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
