package org.sscard.launcher;

/** A reason the platform could not be started, worded for the person at the terminal. */
class LaunchException extends RuntimeException {

    LaunchException(String message) {
        super(message);
    }

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
