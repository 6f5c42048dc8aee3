package org.sscard.console.audit;

/**
 * What an operator did, as {@code admin_action.action} names it. (Rows written before issue 18 may also carry
 * {@code ENROL_MEMBER} and {@code DISENROL_MEMBER}: the relay's enrolment, which the console no longer offers.)
 */
public enum Action {
    FIND_RESIDENT,
    READ_RESIDENT,
    REGISTER_RESIDENT,
    ISSUE_SOFT_CARD,
    DOWNLOAD_SOFT_CARD,
    START_TOKEN_CARD,
    SUSPEND_CARD,
    RESUME_CARD,
    REVOKE_CARD,
    REISSUE_CARD,
    SUBSCRIBE,
    END_SUBSCRIPTION,
    LIST_MEMBERS,
    REGISTER_JOINER,
    REGISTER_LOSS,
    UPLOAD_IMPORT,
    LIST_DEPENDANT_VERIFICATIONS,
    READ_DEPENDANT_VERIFICATION,
    ACCEPT_DEPENDANT_VERIFICATION,
    RETURN_DEPENDANT_VERIFICATION,
    LIST_LINK_REVIEWS,
    READ_LINK_REVIEW,
    DECIDE_LINK_REVIEW,
    READ_LINKAGE
}
