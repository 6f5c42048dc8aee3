package org.sscard.gateway.consent;

/**
 * What My Portal says once after a join or a leave ("you joined …", "you left …"), kept in the session between the
 * form's POST and the page it redirects to: never taken from the URL, so no link can make the portal claim a change.
 */
public record ChoiceNotice(
        Kind kind, String providerNameJa, String providerNameEn, String serviceNameJa, String serviceNameEn) {

    public enum Kind {
        JOINED,
        LEFT
    }

    public boolean joined() {
        return kind == Kind.JOINED;
    }
}
