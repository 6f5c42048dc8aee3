package org.sscard.adapters.error;

/** A request this service refuses with one of its own errors. */
public class AdaptersException extends RuntimeException {

    private final AdaptersError error;

    public AdaptersException(AdaptersError error, String message) {
        super(message);
        this.error = error;
    }

    public AdaptersError error() {
        return error;
    }
}
