package org.sscard.adapters.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.provider.Providers;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The providers' tamper-evident audit chains (docs/security.md, "Tamper-evident audit"): one per provider, in the
 * provider's own schema as everything else of it is, named {@code insurer-adapters-<provider key>} (which names its
 * audit key, {@code <data-dir>/audit/insurer-adapters-<key>/}, apart from the TLS and token keys). Every row of the
 * provider's append-only tables is linked shortly after it commits and the head signed with that key.
 *
 * <p>common's chainer finds its tables in the connection's current schema, so each chain reads and writes through a
 * small pool of its own whose connections have the provider's schema as their search path (never the service's
 * pool, whose connections must not keep it). Only the service links and signs: the import command (no web
 * application) starts no chain, lest it make a key of its own in another data directory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AuditChainConfig {

    /**
     * The append-only tables of each kind's migrations (trigger functions {@code *append_only*}), which every chain
     * of that kind links. A table made append-only later is added here, to the launcher's AuditedServices and, by a
     * migration, to the expiry its trigger function lets through.
     */
    static final Map<ProviderKind, List<String>> AUDIT_TABLES = Map.of(
            ProviderKind.INSURER, List.of("access_log", "write_audit"), ProviderKind.PENSION, List.of("access_log"));

    static AuditedChain chainOf(Provider provider) {
        return new AuditedChain("insurer-adapters-" + provider.key(), AUDIT_TABLES.get(provider.kind()));
    }

    @Bean
    ProviderAuditChains auditChains(Providers providers, DataSourceProperties database, Environment environment) {
        Map<String, AuditChainRunner> chains = new LinkedHashMap<>();
        List<HikariDataSource> pools = new ArrayList<>();
        for (Provider provider : providers.all()) {
            HikariDataSource pool = database.initializeDataSourceBuilder()
                    .type(HikariDataSource.class)
                    .build();
            pool.setPoolName("audit-chain-" + provider.key());
            pool.setSchema(provider.schema());
            // one background thread per chain; a second connection for a test's or an operator's linkNow()
            pool.setMaximumPoolSize(2);
            pool.setMinimumIdle(0);
            pools.add(pool);
            chains.put(provider.key(), AuditChainRunner.of(pool, environment, chainOf(provider)));
        }
        return new ProviderAuditChains(chains, pools);
    }
}
