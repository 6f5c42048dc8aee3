package org.sscard.adapters.linkage;

/** What a poller's feed or handler last threw, for the health indicator (the poller counts the failures). */
final class LastFailure {

    private volatile String message;

    void record(Exception e) {
        message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    String message() {
        return message;
    }
}
