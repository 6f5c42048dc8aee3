package org.sscard.console.backend;

import java.time.LocalDate;
import java.util.UUID;

/** A resident as the relay shows them (PersonView): the opaque ID, never the 44-digit personal ID. */
public record Person(
        UUID id,
        String nameKana,
        String nameKanji,
        LocalDate dateOfBirth,
        String sex,
        String address,
        String provisionalSsn,
        String status) {}
