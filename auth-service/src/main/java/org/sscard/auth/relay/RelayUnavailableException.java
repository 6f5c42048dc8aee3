package org.sscard.auth.relay;

/** The relay could not answer: the login fails closed. */
public class RelayUnavailableException extends RuntimeException {

    public RelayUnavailableException(String message) {
        super(message);
    }
}
