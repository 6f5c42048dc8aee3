package org.sscard.adapters.error;

/** An import that cannot even start: unknown provider or kind, unreadable file. */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }
}
