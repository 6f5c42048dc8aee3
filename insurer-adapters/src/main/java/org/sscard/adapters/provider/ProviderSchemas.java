package org.sscard.adapters.provider;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Each provider's view database is its own schema, migrated by its own Flyway instance (and history table) from
 * the migrations of its kind: no table is shared between providers, nor with the relay.
 */
@Component
class ProviderSchemas implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProviderSchemas.class);

    private final Providers providers;
    private final DataSource dataSource;

    ProviderSchemas(Providers providers, DataSource dataSource) {
        this.providers = providers;
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        for (Provider provider : providers.all()) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
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
