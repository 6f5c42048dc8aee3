package org.sscard.reception.cli;

/** A wrong command line or unusable input the user gave: exit code 2, with the usage text. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
