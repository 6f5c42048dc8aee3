package org.sscard.issuer.issuance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.common.pki.RevocationReason;
import org.sscard.common.web.CommonError;
import org.sscard.issuer.error.IssuerError;
import org.sscard.issuer.error.IssuerException;
import org.sscard.issuer.relay.RelayClient;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.CertificateStatus;
import org.sscard.issuer.revocation.IssuedCertificate;
import org.sscard.issuer.revocation.RevocationService;

/**
 * One holder, one card: a new card is refused while the holder has another active (or held) card, unless it
 * replaces that card. The replaced card is revoked ({@code superseded}) only after the new one is issued, in the
 * same transaction: if issuing fails, the old card stays as it was.
 */
@Component
class CardReplacement {

    private static final Logger log = LoggerFactory.getLogger(CardReplacement.class);

    private final CertificateRecords records;
    private final RevocationService revocations;
    private final RelayClient relay;

    CardReplacement(CertificateRecords records, RevocationService revocations, RelayClient relay) {
        this.records = records;
        this.revocations = revocations;
        this.relay = relay;
    }

    /** The card to be replaced: the same holder's, by its card serial. */
    IssuedCertificate replaceable(String cardSerial, HolderResolver.Holder holder) {
        IssuedCertificate old = records.byCardSerial(cardSerial)
                .orElseThrow(() -> new IssuerException(IssuerError.UNKNOWN_CERTIFICATE, "no card " + cardSerial));
        if (!old.holderRef().equals(holder.ref())) {
            throw new IssuerException(CommonError.INVALID_FIELD, "the replaced card belongs to someone else");
        }
        return old;
    }

    /** The relay's card register decides: any active or held card other than the one being replaced refuses. */
    void requireNoOtherActiveCard(HolderResolver.Holder holder, IssuedCertificate replaced) {
        boolean active = relay.cards(holder.isStaff(), holder.relayId()).stream()
                .filter(c -> replaced == null || !c.cardSerial().equals(replaced.cardSerial()))
                .anyMatch(c -> c.status().equals("ACTIVE") || c.status().equals("SUSPENDED"));
        if (active) {
            throw new IssuerException(
                    IssuerError.SECOND_ACTIVE_CARD,
                    "the holder already has an active card: revoke it, or reissue with replacesCardSerial");
        }
    }

    /**
     * Revokes the replaced card once {@code newCard} is issued and registered. Should that fail, the transaction
     * rolls the CA's register back, and the relay (which has no transaction with it) is told that the new card,
     * which nobody received, is revoked: otherwise it would stand there as the holder's active card.
     */
    void supersede(IssuedCertificate replaced, String newCard) {
        if (replaced.status() == CertificateStatus.REVOKED) {
            return; // revoked already (e.g. reported lost): its reason stays
        }
        try {
            revocations.revoke(replaced.serial(), RevocationReason.superseded);
        } catch (RuntimeException e) {
            withdraw(newCard);
            throw e;
        }
    }

    /** Best effort, for a card the relay has registered but that is not issued after all. */
    void withdraw(String newCard) {
        try {
            relay.changeCardStatus(newCard, "REVOKED", RevocationReason.cessationOfOperation.name());
        } catch (RuntimeException e) {
            log.error("card {} is registered at the relay but was not issued; revoke it there", newCard, e);
        }
    }
}
