package org.sscard.relay.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sscard.common.pki.RevocationReason;
import org.sscard.relay.error.RelayException;

class CardTransitionsTest {

    @Test
    void holdOnlyFromActiveAndResumeOnlyWithoutReason() {
        assertThat(CardTransitions.reasonFor(CardStatus.ACTIVE, change(CardStatus.SUSPENDED, null)))
                .isEqualTo(RevocationReason.certificateHold);
        assertThat(CardTransitions.reasonFor(CardStatus.SUSPENDED, change(CardStatus.ACTIVE, null)))
                .isNull();
        assertThatThrownBy(() -> CardTransitions.reasonFor(
                        CardStatus.SUSPENDED, change(CardStatus.ACTIVE, RevocationReason.superseded)))
                .isInstanceOf(RelayException.class);
        assertThatThrownBy(() -> CardTransitions.reasonFor(CardStatus.EXPIRED, change(CardStatus.SUSPENDED, null)))
                .isInstanceOf(RelayException.class);
    }

    @Test
    void revocationDefaultsToUnspecifiedAndIsFinal() {
        assertThat(CardTransitions.reasonFor(CardStatus.SUSPENDED, change(CardStatus.REVOKED, null)))
                .isEqualTo(RevocationReason.unspecified);
        for (CardStatus next : CardStatus.values()) {
            assertThatThrownBy(() -> CardTransitions.reasonFor(CardStatus.REVOKED, change(next, null)))
                    .isInstanceOf(RelayException.class);
        }
    }

    private static CardRequests.ChangeCardStatus change(CardStatus status, RevocationReason reason) {
        return new CardRequests.ChangeCardStatus(status, reason);
    }
}
