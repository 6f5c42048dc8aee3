package org.sscard.relay.member;

import java.time.LocalDate;
import java.util.UUID;
import org.sscard.relay.mapping.MappingView.MappingStatus;
import org.sscard.relay.person.Sex;

/**
 * One member of an insurer as its administrator sees them: the person (names, date of birth, sex) and
 * one of the insurer's IDs for them with its validity. {@code localId}: the ID in the relay's canonical form
 * ({@code insurerNumber|symbol|number|branch}, or the local number). Never the relay's own ID for the person: an
 * insurer knows its members by its own IDs (a relay-wide ID in every insurer's hands would let them join their
 * records across providers).
 */
public record Member(
        String nameKana,
        String nameKanji,
        LocalDate dateOfBirth,
        Sex sex,
        UUID mappingId,
        String localId,
        String insurerNumber,
        String insuranceSymbol,
        String insuranceNumber,
        String insuranceBranch,
        String localNumber,
        LocalDate validFrom,
        LocalDate validTo,
        MappingStatus status) {}
