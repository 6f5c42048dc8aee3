package org.sscard.adapters.audit;

/** What was done with a person's data; the name is what the access log shows. */
public enum AccessAction {
    ELIGIBILITY_READ,
    NOTICES_READ,
    NOTICES_PDF,
    CHECKUPS_READ,
    PENSION_READ,
    SUMMARY_READ,
    ACCESS_LOG_READ
}
