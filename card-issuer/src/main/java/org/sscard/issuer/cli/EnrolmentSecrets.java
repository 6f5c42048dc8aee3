package org.sscard.issuer.cli;

import java.io.InputStream;
import java.util.Optional;

/**
 * The two secrets of a token enrolment, one per line: the enrolment code the resident was given, then the token's
 * user PIN. Read from stdin or a file (--input), never from the command line: the code is the credential.
 */
record EnrolmentSecrets(String code, String pin) {

    @Override
    public String toString() {
        return "EnrolmentSecrets[redacted]";
    }

    static EnrolmentSecrets read(Optional<String> inputFile, InputStream stdin) {
        String[] lines = HolderSecrets.twoLines(inputFile, stdin, "the enrolment code", "the token's PIN");
        return new EnrolmentSecrets(lines[0], lines[1]);
    }
}
