package org.sscard.console.backend;

import java.time.LocalDate;

/**
 * A resident to register ({@code POST /api/v1/persons} without {@code personalId}: the relay issues a new one, which
 * the console never sees).
 */
public record NewResident(
        String nameKana, String nameKanji, LocalDate dateOfBirth, String sex, String address, String provisionalSsn) {}
