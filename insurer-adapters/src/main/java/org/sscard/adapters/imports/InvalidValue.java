package org.sscard.adapters.imports;

/** A value a column cannot take; the message is the reason shown in the import report. */
class InvalidValue extends Exception {

    InvalidValue(String reason) {
        super(reason, null, false, false);
    }
}
