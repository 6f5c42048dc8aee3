package org.sscard.console.support;

import java.util.UUID;

/**
 * Who logs in at the console in the tests, with the claims auth-service's ID token carries for them: the two kinds
 * of operator (the city office's administrator, each insurer's administrator) and those who are none (a hospital's
 * reception clerk and administrator, a resident's card).
 */
public enum Persona {
    CITY_ADMIN("staff", "CITY_ADMIN", "city", "市役 太一"),
    KAMEDA_KENPO_ADMIN("staff", "INSURER_ADMIN", "kameda-kenpo", "保険 管理"),
    KAMOGAWA_NHI_ADMIN("staff", "INSURER_ADMIN", "kamogawa-nhi", "国保 管理"),
    RECEPTION_CLERK("staff", "RECEPTION_CLERK", "kameda-hospital", "受付 良子"),
    HOSPITAL_ADMIN("staff", "HOSPITAL_ADMIN", "kameda-hospital", "病院 管理"),
    RESIDENT("resident", null, null, null);

    public final String loginProfile;
    public final String role;
    public final String organisation;
    public final String name;
    public final String subject = UUID.randomUUID().toString();

    Persona(String loginProfile, String role, String organisation, String name) {
        this.loginProfile = loginProfile;
        this.role = role;
        this.organisation = organisation;
        this.name = name;
    }

    public boolean isCity() {
        return this == CITY_ADMIN;
    }

    public boolean isInsurer() {
        return this == KAMEDA_KENPO_ADMIN || this == KAMOGAWA_NHI_ADMIN;
    }
}
