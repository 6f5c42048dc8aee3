package org.sscard.common.audit;

/** The chain in the database no longer continues what the service signed: it was rewritten or cut behind its back. */
public final class ChainRewrittenException extends IllegalStateException {

    ChainRewrittenException(String message) {
        super(message);
    }
}
