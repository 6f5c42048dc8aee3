package org.sscard.adapters.security;

/**
 * Who is calling one provider, from a verified token addressed to it. A person: {@code subject} is this provider's
 * own ID for them (the pairwise token's {@code sub}); when a staff member acts for them ({@code act}),
 * {@code actor}, {@code organisation} and {@code role} name the staff member. A service client (client
 * credentials): {@code subject} is the client ID, and the data it touches is named by what it sends. An operator
 * (an operator token of an operator client): {@code subject} is the client, {@code actor} the staff member's opaque
 * ID, {@code organisation} and {@code role} theirs.
 */
public record Caller(String provider, Kind kind, String subject, String actor, String organisation, String role) {

    public enum Kind {
        PERSON,
        CLIENT,
        OPERATOR
    }

    /**
     * Who did it, for the access log and an import's record: the staff member when one acts or operates
     * ({@code staff:<id>} for an operator, as every register of the platform writes an operator), else the token's
     * subject.
     */
    public String who() {
        if (kind == Kind.OPERATOR) {
            return "staff:" + actor;
        }
        return actor != null ? actor : kind == Kind.PERSON ? "本人 / the person" : subject;
    }

    /** A staff member acting for the person whose data this is (never an operator: they import, they read no one). */
    public boolean isStaff() {
        return kind == Kind.PERSON && actor != null;
    }

    /** Why, for the access log. */
    public String purpose() {
        return isStaff() ? "職員による窓口対応 / staff helping the person" : "本人による閲覧 / the person's own view";
    }
}
