package org.sscard.desk.check;

/** The clerk's input cannot be a check (no certificate, a malformed SSN, a date in the future): nothing was asked. */
public class InvalidCheckException extends RuntimeException {

    private final String field;

    public InvalidCheckException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
