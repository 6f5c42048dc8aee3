package org.sscard.console.login;

import java.util.EnumSet;
import java.util.Set;

/**
 * The two kinds of operator and what each may do: the city office's administrator works on residents and their
 * cards; an insurer's administrator on the own insurer's members and files only. Nothing is shared between them.
 */
public enum ConsoleRole {
    CITY(EnumSet.of(
            Permission.RESIDENT_READ,
            Permission.RESIDENT_REGISTER,
            Permission.CARD_ISSUE,
            Permission.CARD_SUSPEND,
            Permission.CARD_RESUME,
            Permission.CARD_REVOKE,
            Permission.CARD_REISSUE,
            Permission.ENROLMENT_CODE_ISSUE,
            Permission.SUBSCRIPTION_MANAGE)),
    INSURER(EnumSet.of(
            Permission.MEMBER_READ,
            Permission.MEMBER_REGISTER_JOINER,
            Permission.MEMBER_REGISTER_LOSS,
            Permission.IMPORT_UPLOAD,
            Permission.DEPENDANTS_REVIEW,
            Permission.LINK_REVIEW_READ,
            Permission.LINK_REVIEW_DECIDE,
            Permission.LINKAGE_READ));

    private final Set<Permission> permissions;

    ConsoleRole(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    /** Where this role's work starts. */
    public String home(String organisation) {
        return this == CITY ? "/residents" : "/insurers/" + organisation + "/members";
    }
}
