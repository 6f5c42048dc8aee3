package org.sscard.hospital.config;

import org.springframework.security.core.GrantedAuthority;

/**
 * What a caller may do here. {@code PATIENT}: read one's own records (a SAML login, or a pairwise token whose
 * subject is the patient number); {@code HOSPITAL_IMPORT}: run the XML import (a listed client's own token).
 */
public enum HospitalAuthority implements GrantedAuthority {
    PATIENT,
    HOSPITAL_IMPORT;

    @Override
    public String getAuthority() {
        return name();
    }
}
