package org.sscard.relay.card;

import org.sscard.common.pki.RevocationReason;
import org.sscard.common.web.CommonError;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;

/**
 * The card life cycle: ACTIVE ⇄ SUSPENDED (certificateHold: "lost, maybe found"); ACTIVE or SUSPENDED →
 * REVOKED (with an RFC 5280 reason) or EXPIRED. REVOKED and EXPIRED are final.
 */
final class CardTransitions {

    private CardTransitions() {}

    /** The revocation reason to store, or an INVALID_STATE_CHANGE / INVALID_FIELD refusal. */
    static RevocationReason reasonFor(CardStatus current, CardRequests.ChangeCardStatus request) {
        CardStatus next = request.status();
        RevocationReason reason = request.reason();
        if (current == CardStatus.REVOKED || current == CardStatus.EXPIRED || current == next) {
            throw refused(current, next);
        }
        return switch (next) {
            case SUSPENDED -> {
                if (current != CardStatus.ACTIVE) {
                    throw refused(current, next);
                }
                if (reason != null && reason != RevocationReason.certificateHold) {
                    throw new RelayException(CommonError.INVALID_FIELD, "a suspension's reason is certificateHold");
                }
                yield RevocationReason.certificateHold;
            }
            case ACTIVE -> {
                if (reason != null) {
                    throw new RelayException(CommonError.INVALID_FIELD, "resuming a card takes no reason");
                }
                yield null;
            }
            case REVOKED -> {
                if (reason == RevocationReason.certificateHold || reason == RevocationReason.removeFromCRL) {
                    throw new RelayException(
                            CommonError.INVALID_FIELD, "revoke with a final reason; use SUSPENDED for a hold");
                }
                yield reason == null ? RevocationReason.unspecified : reason;
            }
            case EXPIRED -> null;
        };
    }

    private static RelayException refused(CardStatus current, CardStatus next) {
        return new RelayException(
                RelayError.INVALID_STATE_CHANGE, "a card in status " + current + " cannot change to " + next);
    }
}
