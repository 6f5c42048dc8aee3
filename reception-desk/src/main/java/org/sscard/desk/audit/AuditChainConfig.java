package org.sscard.desk.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The reception desk's tamper-evident audit chain (docs/security.md, "Tamper-evident audit"): every check record and
 * every clerk flag is linked into one chain shortly after it commits, and the chain's head is signed with the desk's
 * audit key (not its client or TLS keys).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfig {

    static final AuditedChain CHAIN = new AuditedChain("reception-desk", List.of("check_record", "clerk_flag"));

    @Bean
    AuditChainRunner auditChain(DataSource dataSource, Environment environment) {
        return AuditChainRunner.of(dataSource, environment, CHAIN);
    }
}
