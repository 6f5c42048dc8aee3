package org.sscard.relay.config;

import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;

/**
 * Issues new personal IDs for the configured municipality, by common's rules ({@link PersonalIdFormat#generate}:
 * version, the municipality with its JIS X 0402 check digit, 34 SecureRandom digits, MOD 97-10 check digits), for a
 * person the city office registers without one.
 */
public final class PersonalIdIssuer {

    private final PersonalIdFormat format;
    private final MunicipalityCode municipality;

    PersonalIdIssuer(PersonalIdFormat format, MunicipalityCode municipality) {
        // fails at start, not at the first registration, if the municipality is not one the format accepts
        format.generate(municipality);
        this.format = format;
        this.municipality = municipality;
    }

    public PersonalId issue() {
        return format.generate(municipality);
    }
}
