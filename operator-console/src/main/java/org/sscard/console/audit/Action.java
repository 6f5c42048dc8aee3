package org.sscard.console.audit;

/** What an operator did, as {@code admin_action.action} names it. */
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
    ENROL_MEMBER,
    DISENROL_MEMBER,
    UPLOAD_IMPORT
}
