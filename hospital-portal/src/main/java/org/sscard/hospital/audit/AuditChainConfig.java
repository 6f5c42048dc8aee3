package org.sscard.hospital.audit;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.sscard.common.audit.AuditChainRunner;
import org.sscard.common.audit.AuditedChain;

/**
 * The hospital portal's tamper-evident audit chain (docs/security.md, "Tamper-evident audit"): every access-log row
 * (each look at a patient's records) is linked into the chain shortly after it commits, and the chain's head is
 * signed with the portal's audit key (not its SAML or TLS keys).
 */
@Configuration(proxyBeanMethods = false)
class AuditChainConfig {

    static final AuditedChain CHAIN = new AuditedChain("hospital-portal", List.of("access_log"));

    @Bean
    AuditChainRunner auditChain(DataSource dataSource, Environment environment) {
        return AuditChainRunner.of(dataSource, environment, CHAIN);
    }
}
