package org.sscard.relay.staff;

import java.time.Instant;
import java.util.UUID;

/** A staff member: organisation is a provider key or {@code city}. */
public record StaffView(
        UUID id,
        String organisation,
        StaffRole role,
        String nameKanji,
        String nameKana,
        StaffStatus status,
        Instant statusChangedAt) {}
