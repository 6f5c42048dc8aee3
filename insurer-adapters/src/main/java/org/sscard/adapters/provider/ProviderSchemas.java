package org.sscard.adapters.provider;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.sscard.common.db.AppendOnlyTablesCallback;

/**
 * Each provider's view database is its own schema, migrated by its own Flyway instance (and history table) from
 * the migrations of its kind: no table is shared between providers, nor with the relay. Migrations run as
 * {@code spring.flyway.user} when it is set (the database's owner role; the service itself connects as a role that
 * changes rows, not tables), and leave the access logs append-only for every other role.
 */
@Component
class ProviderSchemas implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderSchemas.class);

    private final Providers providers;
    private final DataSource dataSource;
    private final String url;
    private final String migrationUser;
    private final String migrationPassword;

    ProviderSchemas(
            Providers providers,
            DataSource dataSource,
            @Value("${spring.datasource.url:}") String url,
            @Value("${spring.flyway.user:}") String migrationUser,
            @Value("${spring.flyway.password:}") String migrationPassword) {
        this.providers = providers;
        this.dataSource = dataSource;
        this.url = url;
        this.migrationUser = migrationUser;
        this.migrationPassword = migrationPassword;
    }

    @Override
    public void afterPropertiesSet() {
        for (Provider provider : providers.all()) {
            var configuration = Flyway.configure();
            if (migrationUser.isBlank()) {
                configuration.dataSource(dataSource);
            } else {
                configuration.dataSource(url, migrationUser, migrationPassword);
            }
            var result = configuration
                    .callbacks(new AppendOnlyTablesCallback())
                    .schemas(provider.schema())
                    .defaultSchema(provider.schema())
                    .createSchemas(true)
                    .locations(provider.kind().migrations())
                    .load()
                    .migrate();
            log.info("schema {} of {} at version {}", provider.schema(), provider.key(), result.targetSchemaVersion);
        }
    }
}
