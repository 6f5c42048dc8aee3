package org.sscard.issuer.error;

/** A refused request: rolls back its transaction, so nothing is issued or changed. */
public class IssuerException extends RuntimeException {

    private final IssuerError error;

    public IssuerException(IssuerError error, String detail) {
        super(detail);
        this.error = error;
    }

    public IssuerError error() {
        return error;
    }
}
