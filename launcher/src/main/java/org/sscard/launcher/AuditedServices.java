package org.sscard.launcher;

import java.util.List;
import org.sscard.common.audit.AuditedChain;

/**
 * The services that keep a tamper-evident audit chain, each with its database and the audit tables it registers in
 * its own {@code AuditChainConfig}. bin/sscard-audit checks these; a service added to the chain is added here too.
 * The insurer adapters keep one chain per provider, in the provider's schema of their database: the providers bin/run
 * serves (insurer-adapters' application.yml), each named {@code insurer-adapters-<provider key>}.
 */
final class AuditedServices {

    /** One chain: {@code schema} is where its tables are, {@code null} for the database's default (public). */
    record AuditedService(ServiceSpec spec, AuditedChain chain, String schema) {

        AuditedService(ServiceSpec spec, AuditedChain chain) {
            this(spec, chain, null);
        }

        String database() {
            return spec.database();
        }
    }

    /** The append-only tables of insurer-adapters' db/insurer and db/pension migrations. */
    private static final List<String> INSURER_TABLES = List.of("access_log", "write_audit");

    private static final List<String> PENSION_TABLES = List.of("access_log");

    static final List<AuditedService> ALL = List.of(
            new AuditedService(ServiceSpec.RELAY, new AuditedChain("relay-db-service", List.of("access_log"))),
            new AuditedService(ServiceSpec.CARD_ISSUER, new AuditedChain("card-issuer", List.of("issuer_audit"))),
            new AuditedService(ServiceSpec.AUTH, new AuditedChain("auth-service", List.of("login_audit"))),
            new AuditedService(
                    ServiceSpec.OPERATOR_CONSOLE, new AuditedChain("operator-console", List.of("admin_action"))),
            new AuditedService(
                    ServiceSpec.RECEPTION_DESK,
                    new AuditedChain("reception-desk", List.of("check_record", "clerk_flag"))),
            new AuditedService(ServiceSpec.HOSPITAL_PORTAL, new AuditedChain("hospital-portal", List.of("access_log"))),
            provider("kamogawa-nhi", "kamogawa_nhi", INSURER_TABLES),
            provider("kameda-kenpo", "kameda_kenpo", INSURER_TABLES),
            provider("pension-office", "pension_office", PENSION_TABLES));

    private AuditedServices() {}

    private static AuditedService provider(String key, String schema, List<String> tables) {
        return new AuditedService(
                ServiceSpec.INSURER_ADAPTERS, new AuditedChain("insurer-adapters-" + key, tables), schema);
    }

    /** The chains of a service by its name (insurer-adapters: every provider's), or one chain by its own name. */
    static List<AuditedService> byName(String name) {
        List<AuditedService> named = ALL.stream()
                .filter(service -> service.chain().name().equals(name)
                        || service.spec().module().equals(name))
                .toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no audit chain for '" + name + "'; services with one: "
                    + ALL.stream().map(s -> s.spec().module()).distinct().toList() + "; chains: "
                    + ALL.stream().map(s -> s.chain().name()).toList());
        }
        return named;
    }
}
