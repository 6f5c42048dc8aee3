package org.sscard.relay.person;

/** A resident's status in the relay; DECEASED is final. */
public enum PersonStatus {
    ACTIVE,
    MOVED_OUT,
    DECEASED,
    SUSPENDED;

    boolean canChangeTo(PersonStatus next) {
        return this != DECEASED && this != next;
    }
}
