package org.sscard.issuer.error;

import org.sscard.common.web.ErrorCode;

/** A refused request: rolls back its transaction, so nothing is issued or changed. */
public class IssuerException extends RuntimeException {

    private final ErrorCode error;

    public IssuerException(ErrorCode error, String detail) {
        super(detail);
        this.error = error;
    }

    public ErrorCode error() {
        return error;
    }
}
