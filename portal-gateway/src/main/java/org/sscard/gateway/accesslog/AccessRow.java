package org.sscard.gateway.accesslog;

import java.time.Instant;

/**
 * One access to the resident's data, wherever it was logged: {@code source} is where (the relay, or a provider by
 * name), {@code actor} who (a service or a staff member), with their organisation and role when known, and why;
 * {@code about}: the provider the entry concerns (by name when the registry knows it, else its key) unless the
 * purpose names it already; {@code actingFor}: whom a relay row's service acted for (the resident themself, or a
 * staff member by role), null for a provider's row and when the service acted on its own; {@code providerJa/En}:
 * the provider a relay row is about, by name (else its key), always, for the actions whose words name it ("<insurer>
 * registered the end of your coverage"); null when the row names none.
 */
public record AccessRow(
        Instant at,
        String sourceJa,
        String sourceEn,
        String actor,
        String organisation,
        String role,
        String action,
        String purpose,
        String aboutJa,
        String aboutEn,
        ActingFor actingFor,
        String providerJa,
        String providerEn) {}
