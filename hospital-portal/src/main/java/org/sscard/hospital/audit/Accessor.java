package org.sscard.hospital.audit;

/**
 * Who is looking and why: the patient in a SAML session, or the client (and staff actor, if any) behind a
 * pairwise token.
 */
public record Accessor(String actor, String organisation, String role, String purpose, Channel channel) {

    public enum Channel {
        SAML,
        API
    }
}
