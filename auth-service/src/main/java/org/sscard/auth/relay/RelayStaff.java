package org.sscard.auth.relay;

import java.util.UUID;

/** A staff member: organisation (a provider key or {@code city}), role, status (ACTIVE, SUSPENDED, RETIRED). */
public record RelayStaff(UUID id, String organisation, String role, String status) {
}
