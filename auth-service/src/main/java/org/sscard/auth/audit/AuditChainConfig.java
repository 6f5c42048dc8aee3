package org.sscard.auth.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The auth service's tamper-evident audit chain (docs/security.md, "Tamper-evident audit"): every row of the login
 * audit is linked into the chain shortly after it commits, and the chain's head is signed with the service's audit
 * key (not its token or SAML signing keys).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfig {

    static final AuditedChain CHAIN = new AuditedChain("auth-service", List.of("login_audit"));

    @Bean
    AuditChainRunner auditChain(DataSource dataSource, Environment environment) {
        return AuditChainRunner.of(dataSource, environment, CHAIN);
    }
}
