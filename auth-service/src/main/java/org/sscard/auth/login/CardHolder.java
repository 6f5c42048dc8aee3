package org.sscard.auth.login;

import java.io.Serializable;

/**
 * Who logged in with a card: {@code subject} is the relay's opaque ID of the person, or the staff ID (never the
 * 44-digit personal ID); staff carry their role and organisation, and their name ({@code name} in kanji,
 * {@code nameKana}) for the desk to show who checked; either may be null (a relay that does not send them, or an
 * authorization stored before they were kept).
 */
public record CardHolder(
        String subject,
        LoginProfile profile,
        String role,
        String organisation,
        String certificateSerial,
        String name,
        String nameKana)
        implements Serializable {

    static CardHolder resident(String personId, String certificateSerial) {
        return new CardHolder(personId, LoginProfile.RESIDENT, null, null, certificateSerial, null, null);
    }

    static CardHolder staff(
            String staffId, String role, String organisation, String certificateSerial, String name, String nameKana) {
        return new CardHolder(staffId, LoginProfile.STAFF, role, organisation, certificateSerial, name, nameKana);
    }
}
