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
                        "access_log");
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
