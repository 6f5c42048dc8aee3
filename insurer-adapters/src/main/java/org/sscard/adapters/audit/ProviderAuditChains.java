package org.sscard.adapters.audit;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import org.springframework.context.SmartLifecycle;
import org.sscard.common.audit.AuditChainRunner;

/**
 * Every provider's chain, started and stopped with the service as one: if one provider's audit key cannot be made or
 * read, the service does not start (fail closed), as a service with a single chain would not. Closing it closes the
 * chains' own pools.
 */
final class ProviderAuditChains implements SmartLifecycle, AutoCloseable {

    private final Map<String, AuditChainRunner> byProvider;
    private final List<HikariDataSource> pools;

    ProviderAuditChains(Map<String, AuditChainRunner> byProvider, List<HikariDataSource> pools) {
        this.byProvider = Map.copyOf(byProvider);
        this.pools = List.copyOf(pools);
    }

    /** The chain of one provider, by its key. */
    AuditChainRunner of(String providerKey) {
        AuditChainRunner chain = byProvider.get(providerKey);
        if (chain == null) {
            throw new IllegalArgumentException("no audit chain for provider " + providerKey);
        }
        return chain;
    }

    @Override
    public void start() {
        try {
            byProvider.values().forEach(AuditChainRunner::start);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void stop() {
        byProvider.values().forEach(AuditChainRunner::stop);
    }

    @Override
    public boolean isRunning() {
        return byProvider.values().stream().anyMatch(AuditChainRunner::isRunning);
    }

    @Override
    public void close() {
        stop();
        pools.forEach(HikariDataSource::close);
    }
}
