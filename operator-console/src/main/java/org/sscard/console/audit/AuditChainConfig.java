package org.sscard.console.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The operators' console's tamper-evident audit chain (docs/security.md, "Tamper-evident audit"): every admin action
 * (asked, and its outcome) is linked into the chain shortly after it commits, and the chain's head is signed with
 * the console's audit key (not its client or TLS keys).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfig {

    static final AuditedChain CHAIN = new AuditedChain("operator-console", List.of("admin_action"));

    @Bean
    AuditChainRunner auditChain(DataSource dataSource, Environment environment) {
        return AuditChainRunner.of(dataSource, environment, CHAIN);
    }
}
