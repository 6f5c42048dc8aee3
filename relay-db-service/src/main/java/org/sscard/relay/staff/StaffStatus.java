package org.sscard.relay.staff;

/** RETIRED is final. */
public enum StaffStatus {
    ACTIVE,
    SUSPENDED,
    RETIRED;

    boolean canChangeTo(StaffStatus next) {
        return this != RETIRED && this != next;
    }
}
