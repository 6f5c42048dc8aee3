package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CardLoginTest;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.CertificateBuilder;

/**
 * Card logins refused by the certificate path validator over real mTLS, with revocation really asked of the test
 * PKI's OCSP responder and CRL distribution point. The cards are registered and ACTIVE in the relay, so only the
 * certificate check can refuse them.
 */
class CardRevocationLoginTest extends CardLoginTest {

    private static final int KEY_COMPROMISE = 1;
    private static final int CERTIFICATE_HOLD = 6;

    @Test
    void rejectsRevokedCardWhenOcspSaysRevoked() throws Exception {
        Card card = registered(card());
        PKI.revokeInOcsp(card.certificate(), KEY_COMPROMISE);
        assertRefusedBecause(card, LoginRefusal.CARD_REVOKED, "REVOKED");
    }

    @Test
    void rejectsCardOnHoldWhenOcspSaysCertificateHold() throws Exception {
        Card card = registered(card());
        PKI.revokeInOcsp(card.certificate(), CERTIFICATE_HOLD);
        assertRefusedBecause(card, LoginRefusal.CARD_SUSPENDED, "ON_HOLD");
    }

    @Test
    void rejectsRevokedCardWhenOcspIsDownAndCrlSaysRevoked() throws Exception {
        Card card = registered(card().ocspUnreachable());
        PKI.revokeInCrl(card.certificate(), KEY_COMPROMISE);
        assertRefusedBecause(card, LoginRefusal.CARD_REVOKED, "REVOKED");
    }

    @Test
    void acceptsCardWhenOcspIsDownAndCrlSaysGood() throws Exception {
        Card card = registered(card().ocspUnreachable());
        assertThat(new org.sscard.auth.support.Browser(card.clientContext())
                        .get(RESIDENT_LOGIN)
                        .status())
                .isNotEqualTo(LoginRefusal.CERTIFICATE_REJECTED.status().value())
                .isNotEqualTo(LoginRefusal.REVOCATION_UNAVAILABLE.status().value());
    }

    /**
     * The card logs in while OCSP is down, so the CRL (which does not list it yet) is fetched and cached; then the CA
     * revokes it, and only its CRL says so (the relay's register still says ACTIVE). The cached CRL is valid for
     * another hour, yet the next login fetches the CRL anew, because OCSP failed again.
     */
    @Test
    void rejectsCardRevokedAtTheCaAfterItsCrlWasCachedWhileOcspIsDown() throws Exception {
        Card card = registered(card().ocspUnreachable());
        assertThat(new org.sscard.auth.support.Browser(card.clientContext())
                        .get(RESIDENT_LOGIN)
                        .header("Sscard-Login-Refusal"))
                .as("logged in on the CRL that does not list the card yet")
                .isNull();
        PKI.revokeInCrl(card.certificate(), KEY_COMPROMISE);
        assertRefusedBecause(card, LoginRefusal.CARD_REVOKED, "REVOKED");
    }

    @Test
    void rejectsCardWhenNeitherOcspNorCrlAnswers() throws Exception {
        Card card = registered(card().revocationUnreachable());
        assertRefusedBecause(card, LoginRefusal.REVOCATION_UNAVAILABLE, "REVOCATION_UNKNOWN");
    }

    @Test
    void rejectsSha1SignedCard() throws Exception {
        Card card = registered(card().signedWithSha1());
        assertRefusedBecause(card, LoginRefusal.CERTIFICATE_REJECTED, "WEAK_ALGORITHM");
    }

    @Test
    void rejectsRsa1024Card() throws Exception {
        Card card = registered(card().rsa1024());
        assertRefusedBecause(card, LoginRefusal.CERTIFICATE_REJECTED, "WEAK_KEY");
    }

    private final String personalId = RelayFixture.newPersonalId();

    private CertificateBuilder card() {
        return PKI.residentCard(personalId);
    }

    /** Registered to an ACTIVE person, so that a refusal can only come from the certificate check. */
    private Card registered(CertificateBuilder certificate) {
        Card card = card(certificate);
        CITY_OFFICE.registerCard("persons", CITY_OFFICE.createPerson(personalId), card.certificate());
        return card;
    }

    /** The person's page shows {@code refusal}; the login audit keeps the validator's reason. */
    private static void assertRefusedBecause(Card card, LoginRefusal refusal, String certificateReason)
            throws Exception {
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger(LoginAudit.LOGGER);
        logger.addAppender(audit);
        try {
            assertRefused(RESIDENT_LOGIN, card, refusal);
        } finally {
            logger.detachAppender(audit);
        }
        List<String> details = audit.list.stream()
                .flatMap(event -> event.getKeyValuePairs().stream())
                .filter(kv -> kv.key.equals("sscard.login.detail"))
                .map(kv -> String.valueOf(kv.value))
                .toList();
        assertThat(details).containsExactly(refusal + ": " + certificateReason);
    }
}
