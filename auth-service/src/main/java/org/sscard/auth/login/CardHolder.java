package org.sscard.auth.login;

import java.io.Serializable;

/**
 * Who logged in with a card: {@code subject} is the relay's opaque ID of the person, or the staff ID (never the
 * 44-digit personal ID); staff carry their role and organisation.
 */
public record CardHolder(
        String subject, LoginProfile profile, String role, String organisation, String certificateSerial)
        implements Serializable {

    static CardHolder resident(String personId, String certificateSerial) {
        return new CardHolder(personId, LoginProfile.RESIDENT, null, null, certificateSerial);
    }

    static CardHolder staff(String staffId, String role, String organisation, String certificateSerial) {
        return new CardHolder(staffId, LoginProfile.STAFF, role, organisation, certificateSerial);
    }
}
