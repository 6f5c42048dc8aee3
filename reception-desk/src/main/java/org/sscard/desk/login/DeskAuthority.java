package org.sscard.desk.login;

import org.springframework.security.core.GrantedAuthority;

/**
 * What a login may do here. {@code CLERK}: check eligibility (staff of a hospital with role RECEPTION_CLERK or
 * HOSPITAL_ADMIN); {@code ADMIN}: also list the clerk flags of the own hospital (HOSPITAL_ADMIN). {@code API_CLERK}:
 * the same check over the API, with an access token of the desk program.
 */
public enum DeskAuthority implements GrantedAuthority {
    CLERK,
    ADMIN,
    API_CLERK;

    @Override
    public String getAuthority() {
        return name();
    }
}
