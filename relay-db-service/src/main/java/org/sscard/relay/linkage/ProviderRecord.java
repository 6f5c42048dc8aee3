package org.sscard.relay.linkage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.sscard.relay.mapping.ProviderLocalId;
import org.sscard.relay.person.Sex;

/**
 * An insurer's record of a member as its joiner event carried it: the ID fields, the acquisition date, the five items
 * the gate compares and, once a leaver arrived for it, the loss. Stored as JSON on the review (and on a mapping the
 * linkage made); never the provisional SSN, which served only to find the candidate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderRecord(
        String insurerNumber,
        String symbol,
        String number,
        String branch,
        String relationship,
        LocalDate acquiredOn,
        String nameKana,
        String nameKanji,
        LocalDate dateOfBirth,
        Sex sex,
        String address,
        LocalDate lostOn,
        String lossReason) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public FiveItems fiveItems() {
        return new FiveItems(nameKana, nameKanji, dateOfBirth, sex, address);
    }

    /** The insurer's ID for the member, as the relay stores it (normalised). */
    public ProviderLocalId localId() {
        return new ProviderLocalId(insurerNumber, symbol, number, branch, null);
    }

    ProviderRecord withLoss(LocalDate lost, String reason) {
        return new ProviderRecord(
                insurerNumber,
                symbol,
                number,
                branch,
                relationship,
                acquiredOn,
                nameKana,
                nameKanji,
                dateOfBirth,
                sex,
                address,
                lost,
                reason);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a provider record is always writable", e);
        }
    }

    /** The record stored as JSON; null for null. */
    public static ProviderRecord fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, ProviderRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored provider record is not readable", e);
        }
    }
}
