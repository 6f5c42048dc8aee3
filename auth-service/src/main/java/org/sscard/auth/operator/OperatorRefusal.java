package org.sscard.auth.operator;

import org.springframework.http.HttpStatus;

/**
 * Why an operator-action request was refused: the audit's reason code (never free text), and the OAuth error the
 * console gets (RFC 6749 §5.2, RFC 8693 §2.2.2). The console needs only the error; the audit keeps which check failed.
 */
enum OperatorRefusal {
    /** A parameter missing, repeated, malformed or of the wrong token type. */
    MALFORMED_REQUEST("invalid_request"),
    /** The grant carries no scopes: the audience names the back end, and the operator's role what it may do there. */
    SCOPE_NOT_SUPPORTED("invalid_scope"),
    /** The client is not one the grant is registered for (only the operators' console). */
    CLIENT_NOT_ALLOWED("unauthorized_client"),
    /** Not an access token of this service, or no longer active: expired, revoked, or ended by logout. */
    ACTOR_NOT_ACTIVE("invalid_grant"),
    /** An access token of this service, but issued to another client. */
    ACTOR_OF_ANOTHER_CLIENT("invalid_grant"),
    /** Not a staff member's card login (a resident's, or no card login at all). */
    ACTOR_NOT_STAFF("invalid_grant"),
    /** A staff member, but not an administrator the console serves (a reception clerk, a hospital administrator). */
    ROLE_NOT_OPERATOR("invalid_grant"),
    /** A city administrator outside the city office, or an insurer administrator inside it. */
    ORGANISATION_INCONSISTENT("invalid_grant"),
    /** The relay's register no longer has the staff card or member active, in the role and organisation logged in. */
    STAFF_NOT_ACTIVE("invalid_grant"),
    /** Not a back end this operator's role may act at. */
    AUDIENCE_NOT_ALLOWED("invalid_target"),
    /** The relay could not answer, or the token or its audit row could not be made: the console may try again. */
    UNAVAILABLE("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE);

    private final String error;
    private final HttpStatus status;

    OperatorRefusal(String error) {
        this(error, HttpStatus.BAD_REQUEST);
    }

    OperatorRefusal(String error, HttpStatus status) {
        this.error = error;
        this.status = status;
    }

    String error() {
        return error;
    }

    HttpStatus status() {
        return status;
    }
}
