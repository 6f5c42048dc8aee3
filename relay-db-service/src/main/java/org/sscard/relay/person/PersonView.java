package org.sscard.relay.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person as the API shows them: the opaque ID, never the 44-digit personal ID. */
public record PersonView(
        UUID id,
        String nameKana,
        String nameKanji,
        LocalDate dateOfBirth,
        Sex sex,
        String address,
        String provisionalSsn,
        PersonStatus status,
        Instant statusChangedAt,
        List<StatusChange> statusHistory) {

    public record StatusChange(PersonStatus status, String reason, Instant changedAt, String changedBy) {}
}
