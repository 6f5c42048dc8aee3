package org.sscard.relay.error;

import org.sscard.common.web.ErrorCode;

/** A request the relay refuses; rolls back the transaction it is thrown in, so nothing is written. */
public class RelayException extends RuntimeException {

    private final ErrorCode error;

    public RelayException(ErrorCode error, String detail) {
        super(detail);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
