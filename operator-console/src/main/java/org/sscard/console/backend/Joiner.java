package org.sscard.console.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A joiner registered at the own insurer ({@code POST /<key>/api/v1/members}): the insurer's number for them, who
 * they are (the five items the relay's gate compares: kana and kanji name, date of birth, sex, address), the
 * provisional SSN that finds the relay's candidate (optional: without it the record waits for review), the
 * acquisition date and the benefit fields. The insurer number is the insurer's own: insurer-adapters adds it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Joiner(
        String symbol,
        String number,
        String branch,
        String relationship,
        String nameKanji,
        String nameKana,
        LocalDate dateOfBirth,
        String sex,
        String address,
        String provisionalSsn,
        LocalDate acquiredOn,
        Integer copayPercent,
        String limitCategory) {}
