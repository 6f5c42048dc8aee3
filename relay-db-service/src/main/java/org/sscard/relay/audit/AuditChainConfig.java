package org.sscard.relay.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The relay's tamper-evident audit chain (docs/security.md, "Tamper-evident audit"): every access-log row is linked
 * into the chain shortly after it commits, and the chain's head is signed with the relay's audit key.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfig {

    static final AuditedChain CHAIN = new AuditedChain("relay-db-service", List.of("access_log"));

    @Bean
    AuditChainRunner auditChain(DataSource dataSource, Environment environment) {
        return AuditChainRunner.of(dataSource, environment, CHAIN);
    }
}
