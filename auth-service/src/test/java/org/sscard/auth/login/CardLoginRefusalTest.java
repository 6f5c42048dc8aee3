package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CardLoginTest;
import org.sscard.testsupport.RelayFixture;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/** Every refusal of a resident card login over real mTLS, each its own test, each with its specific reason. */
class CardLoginRefusalTest extends CardLoginTest {

    @Test
    void refusesHandshakeWithoutClientCertificate() {
        Browser browser = new Browser(Card.noCard(PKI.root().certificate()));
        assertThatThrownBy(() -> browser.get(RESIDENT_LOGIN))
                .as("the server's alert in the handshake")
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("bad_certificate");
    }

    @Test
    void refusesHandshakeWithCardFromUntrustedCa() {
        Issued card;
        try (TestPki stranger = TestPki.create("Some other CA")) {
            card = stranger.residentCard(RelayFixture.newPersonalId()).issue();
        }
        Card presentedToOurServer = Card.of(card, PKI.root().certificate());
        Browser browser = new Browser(presentedToOurServer.clientContext());
        assertThatThrownBy(() -> browser.get(RESIDENT_LOGIN))
                .as("the server's alert in the handshake")
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("certificate_unknown");
    }

    @Test
    void refusesCardUnknownToRelay() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        CITY_OFFICE.createPerson(personalId);
        Card card = residentCard(personalId);
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.CARD_UNKNOWN);
    }

    @Test
    void refusesCardSuspendedInRelay() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
        CITY_OFFICE.suspendCard(card.certificate());
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.CARD_SUSPENDED);
    }

    @Test
    void refusesInactivePerson() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);
        CITY_OFFICE.setPersonStatus(person, "MOVED_OUT");
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.PERSON_INACTIVE);
    }

    @Test
    void refusesCardWithoutClientAuthEku() throws Exception {
        Card card = card(PKI.residentCard(RelayFixture.newPersonalId()).withoutClientAuth());
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.EKU_MISSING);
    }

    @Test
    void refusesMalformedSubject() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = card(PKI.residentCard(personalId).subject("CN=Kamogawa Hanako, SERIALNUMBER=" + personalId));
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.MALFORMED_SUBJECT);
    }

    @Test
    void refusesWellSignedPersonalIdWithWrongCheckDigits() throws Exception {
        String valid = RelayFixture.newPersonalId();
        char last = valid.charAt(valid.length() - 1);
        String wrong = valid.substring(0, valid.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
        assertRefused(RESIDENT_LOGIN, residentCard(wrong), LoginRefusal.INVALID_PERSONAL_ID);
    }

    @Test
    void auditsRefusalWithReasonAndSerialButNeverThePersonalId() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
        CITY_OFFICE.suspendCard(card.certificate());
        ListAppender<ILoggingEvent> audit = new ListAppender<>();
        audit.start();
        Logger logger = (Logger) LoggerFactory.getLogger(LoginAudit.LOGGER);
        logger.addAppender(audit);
        try {
            assertRefused(RESIDENT_LOGIN, card, LoginRefusal.CARD_SUSPENDED);
        } finally {
            logger.detachAppender(audit);
        }
        assertThat(audit.list).singleElement().satisfies(event -> {
            assertThat(event.getKeyValuePairs()).anySatisfy(kv -> {
                assertThat(kv.key).isEqualTo("event.reason");
                assertThat(kv.value).isEqualTo("CARD_SUSPENDED");
            });
            assertThat(event.getKeyValuePairs())
                    .anySatisfy(kv -> assertThat(kv.value).isEqualTo(card.serialHex()));
            assertThat(event.getFormattedMessage() + event.getKeyValuePairs()).doesNotContain(personalId);
        });
    }
}
