package org.sscard.auth;

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
                new DriverManagerDataSource(TestPostgres.createDatabase("auth_migration"), "postgres", "");
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        // V1, V2, V3, V4 (operator-action audit), V30 (the audit chain)
        assertThat(result.migrationsExecuted).isEqualTo(5);
        flyway.validate();

        List<String> tables =
                JdbcClient.create(dataSource).sql("""
                        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
                        AND table_type = 'BASE TABLE'""").query(String.class).list();
        assertThat(tables)
                .contains(
                        "oauth2_authorization",
                        "oauth2_authorization_consent",
                        "login_audit",
                        "client_assertion_jti",
                        "audit_chain_link",
                        "audit_chain_checkpoint");
        assertThat(flyway.migrate().migrationsExecuted).isZero();
    }
}
