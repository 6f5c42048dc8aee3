package org.sscard.issuer.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The card issuer's tamper-evident audit chain (docs/security.md, "Tamper-evident audit"): every row of its audit
 * register is linked into the chain shortly after it commits, and the chain's head is signed with the issuer's audit
 * key (not the CA's).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfig {

    static final AuditedChain CHAIN = new AuditedChain("card-issuer", List.of("issuer_audit"));

    @Bean
    AuditChainRunner auditChain(DataSource dataSource, Environment environment) {
        return AuditChainRunner.of(dataSource, environment, CHAIN);
    }
}
