package org.sscard.relay.error;

/** A request the relay refuses; rolls back the transaction it is thrown in, so nothing is written. */
public class RelayException extends RuntimeException {

    private final RelayError error;

    public RelayException(RelayError error, String detail) {
        super(detail);
        this.error = error;
    }

    public RelayError error() {
        return error;
    }
}
