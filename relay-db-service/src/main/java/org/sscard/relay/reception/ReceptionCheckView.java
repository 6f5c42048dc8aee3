package org.sscard.relay.reception;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The relay's answer to a reception check: the hospital's own patient number (null: not registered there), the
 * insurer the grant's token is for with the insurer's own ID for the person ({@code localId}, the canonical form the
 * relay indexes; null when the person has no insurer mapping at all), the organisations whose staff that insurer
 * lets act for its insured, and the person's insurer mappings newest first. Nulls are written out: the contract
 * names them as answers ("not registered", "no insurer"), not as missing fields.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReceptionCheckView(
        String patientNumber, Insurer insurer, List<String> staffOrganisations, List<InsurerMapping> insurers) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Insurer(String providerKey, String localId) {}

    /** One insurer mapping; {@code validTo} inclusive, null while open-ended. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InsurerMapping(String providerKey, String nameJa, String nameEn, LocalDate validFrom, LocalDate validTo) {}
}
