package org.sscard.issuer.profile;

/** Whom a profile certifies; decides how the subject name and alternative names are built. */
public enum SubjectKind {
    /** A resident's IC card: the subject is the 44-digit personal ID and nothing else. */
    RESIDENT,
    /** A staff member's USB token: organisation (provider key or city), role, staff ID, name. */
    STAFF,
    /** A platform service's TLS server certificate: host names and addresses. */
    SERVER,
    /** A platform service authenticating to another service. */
    SERVICE,
    /** The CA's delegated OCSP responder. */
    OCSP_SIGNER
}
