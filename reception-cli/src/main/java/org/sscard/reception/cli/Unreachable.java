package org.sscard.reception.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Which I/O failures mean "the platform cannot be reached now" (exit 5: confirm with the paper insurance card), as
 * opposed to a TLS refusal or a broken answer (exit 1: something to fix, not to wait out).
 */
final class Unreachable {

    static final String PAPER_CARD_JA = "紙の保険証で確認してください。";
    static final String PAPER_CARD_EN = "Confirm with the paper insurance card.";

    private Unreachable() {}

    static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof HttpTimeoutException
                    || t instanceof UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    /** The failure for an I/O error talking to {@code what} (e.g. "the platform", "the reception desk"). */
    static CliFailure failure(String what, IOException e) {
        if (is(e)) {
            return new CliFailure(
                    ExitCodes.NOT_COMPLETED,
                    what + " cannot be reached (" + e + ").\n" + PAPER_CARD_JA + "\n" + PAPER_CARD_EN,
                    e);
        }
        return new CliFailure(ExitCodes.ERROR, "talking to " + what + " failed: " + e, e);
    }
}
