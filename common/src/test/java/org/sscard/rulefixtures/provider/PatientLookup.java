package org.sscard.rulefixtures.provider;

import org.sscard.common.id.PersonalId;

/** A provider that parses the platform's personal ID: what the rule must refuse. */
public class PatientLookup {

    public String patientOf(String personalId) {
        return PersonalId.parse(personalId).version();
    }
}
