package org.sscard.relay.error;

import org.springframework.http.HttpStatus;
import org.sscard.common.web.ErrorCode;
import org.sscard.common.web.ErrorDefinition;

/** The relay's own errors, beside the common ones ({@link org.sscard.common.web.CommonError}). */
public enum RelayError implements ErrorCode {
    INVALID_LOCAL_ID(HttpStatus.BAD_REQUEST, "The provider-specific ID does not fit the provider's ID scheme"),
    PERSON_NOT_FOUND(HttpStatus.NOT_FOUND, "No such person"),
    STAFF_NOT_FOUND(HttpStatus.NOT_FOUND, "No such staff member"),
    PROVIDER_NOT_FOUND(HttpStatus.NOT_FOUND, "No such provider"),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "No such service"),
    MAPPING_NOT_FOUND(HttpStatus.NOT_FOUND, "No service-ID mapping"),
    CARD_NOT_FOUND(HttpStatus.NOT_FOUND, "No such card"),
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "No such subscription"),
    DUPLICATE_PERSON(HttpStatus.CONFLICT, "The person is already registered"),
    DUPLICATE_PROVIDER(HttpStatus.CONFLICT, "The provider is already registered"),
    DUPLICATE_MAPPING(HttpStatus.CONFLICT, "The provider-specific ID is already mapped to another person"),
    OVERLAPPING_VALIDITY(HttpStatus.CONFLICT, "The person already has a mapping for this provider in that period"),
    DUPLICATE_CARD(HttpStatus.CONFLICT, "The card or certificate is already registered"),
    DUPLICATE_SUBSCRIPTION(HttpStatus.CONFLICT, "The person already subscribes to this service"),
    NOT_JOINABLE(HttpStatus.CONFLICT, "The provider holds no ID for the person valid today, so they cannot join"),
    INVALID_STATE_CHANGE(HttpStatus.CONFLICT, "That status change is not allowed from the current status"),
    MAPPING_REMOVED(
            HttpStatus.CONFLICT,
            "The link was removed: the provider's administrator confirmed the record is not the person's"),
    CLERK_NOT_ALLOWED(
            HttpStatus.FORBIDDEN, "The staff member may not check patients at this organisation's reception desk"),
    CARD_UNKNOWN(HttpStatus.NOT_FOUND, "The card is not registered as this person's resident card"),
    CARD_SUSPENDED(HttpStatus.CONFLICT, "The card is suspended (reported lost)"),
    CARD_REVOKED(HttpStatus.CONFLICT, "The card is revoked"),
    CARD_EXPIRED(HttpStatus.CONFLICT, "The card has expired"),
    CARD_STATUS_UNKNOWN(HttpStatus.CONFLICT, "The card's revocation status could not be checked"),
    PERSON_INACTIVE(HttpStatus.CONFLICT, "The person is not an active resident"),
    PERSON_NOT_MATCHED(
            HttpStatus.NOT_FOUND, "The provisional social-security number and date of birth do not match one person"),
    INSURER_NOT_FOUND(HttpStatus.NOT_FOUND, "The person has no mapping at that insurer"),
    INVALID_LINKAGE_EVENT(HttpStatus.BAD_REQUEST, "The batch of linkage events is malformed; nothing was applied"),
    REVIEW_NOT_FOUND(HttpStatus.NOT_FOUND, "No such link review at this provider"),
    REVIEW_DECIDED(HttpStatus.CONFLICT, "The link review has already been decided"),
    DECISION_NOT_ALLOWED(
            HttpStatus.BAD_REQUEST,
            "That decision is not allowed for this link review: not for its kind, or a LINK where the date of birth or"
                    + " sex differs or the person is not an active resident (only names' spelling and the address may be"
                    + " overridden)"),
    AUDIT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "The access could not be logged, so nothing is answered"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final ErrorDefinition definition;

    RelayError(HttpStatus status, String title) {
        this.definition = new ErrorDefinition(status, title);
    }

    @Override
    public ErrorDefinition definition() {
        return definition;
    }
}
