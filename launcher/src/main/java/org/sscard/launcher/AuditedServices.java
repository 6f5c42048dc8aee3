package org.sscard.launcher;

import java.util.List;
import java.util.Map;
import org.sscard.common.audit.AuditedChain;

/**
 * The services that keep a tamper-evident audit chain, each with its database and the audit tables it registers in
 * its own {@code AuditChainConfig}. bin/sscard-audit checks these; a service added to the chain is added here too.
 */
final class AuditedServices {

    record AuditedService(ServiceSpec spec, AuditedChain chain) {

        String database() {
            return spec.database();
        }
    }

    static final List<AuditedService> ALL = List.of(
            new AuditedService(ServiceSpec.RELAY, new AuditedChain("relay-db-service", List.of("access_log"))),
            new AuditedService(ServiceSpec.CARD_ISSUER, new AuditedChain("card-issuer", List.of("issuer_audit"))),
            new AuditedService(ServiceSpec.AUTH, new AuditedChain("auth-service", List.of("login_audit"))));

    private static final Map<String, AuditedService> BY_NAME =
            Map.of("relay-db-service", ALL.get(0), "card-issuer", ALL.get(1), "auth-service", ALL.get(2));

    private AuditedServices() {}

    static AuditedService byName(String name) {
        AuditedService service = BY_NAME.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no audit chain for '" + name + "'; services with one: "
                    + ALL.stream().map(s -> s.chain().name()).toList());
        }
        return service;
    }
}
