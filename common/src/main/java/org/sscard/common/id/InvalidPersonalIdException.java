package org.sscard.common.id;

/** Thrown for a malformed personal ID. The message never contains the rejected value. */
public class InvalidPersonalIdException extends IllegalArgumentException {

    private final PersonalIdError error;

    public InvalidPersonalIdException(PersonalIdError error) {
        super("Invalid personal ID: " + error.message());
        this.error = error;
    }

    public PersonalIdError error() {
        return error;
    }
}
