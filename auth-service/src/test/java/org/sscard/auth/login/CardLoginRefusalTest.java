package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.UUID;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.sscard.auth.support.AuthServiceTest;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.RelayFixture;
import org.sscard.auth.support.TestPki;

/** Every refusal of the card login over real mTLS, each its own test, each with its specific reason. */
class CardLoginRefusalTest extends AuthServiceTest {

    static final String HOSPITAL = "login-test-hospital";
    static final String RESIDENT_LOGIN = CARD_LOGIN + "/login/card/resident";
    static final String STAFF_LOGIN = CARD_LOGIN + "/login/card/staff";

    @Test
    void refusesHandshakeWithoutClientCertificate() {
        Browser browser = new Browser(Card.noCard(PKI.root()));
        assertThatThrownBy(() -> browser.get(RESIDENT_LOGIN)).as("the server's alert in the handshake")
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("bad_certificate");
    }

    @Test
    void refusesHandshakeWithCardFromUntrustedCa() {
        TestPki stranger = TestPki.other();
        Card card = stranger.card("SERIALNUMBER=" + RelayFixture.newPersonalId()).policy(TestPki.RESIDENT_POLICY)
                .issue();
        Card presentedToOurServer = new Card(card.certificate(), card.chain(), card.key(), PKI.root());
        Browser browser = new Browser(presentedToOurServer.clientContext());
        assertThatThrownBy(() -> browser.get(RESIDENT_LOGIN)).as("the server's alert in the handshake")
                .isInstanceOf(SSLHandshakeException.class).hasMessageContaining("certificate_unknown");
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
        CITY_OFFICE.suspendCard(card);
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
    void refusesStaffCardOnResidentLogin() throws Exception {
        assertRefused(RESIDENT_LOGIN, registeredClerkCard(), LoginRefusal.WRONG_PROFILE);
    }

    @Test
    void refusesResidentCardOnStaffLogin() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
        assertRefused(STAFF_LOGIN, card, LoginRefusal.WRONG_PROFILE);
    }

    @Test
    void refusesCardWithoutClientAuthEku() throws Exception {
        Card card = PKI.card("SERIALNUMBER=" + RelayFixture.newPersonalId()).policy(TestPki.RESIDENT_POLICY)
                .withoutClientAuth().issue();
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.EKU_MISSING);
    }

    @Test
    void refusesMalformedSubject() throws Exception {
        Card card = PKI.card("CN=Kamogawa Hanako, SERIALNUMBER=" + RelayFixture.newPersonalId())
                .policy(TestPki.RESIDENT_POLICY).issue();
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
    void refusesInactiveStaff() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = clerkCard(clerk, HOSPITAL);
        CITY_OFFICE.registerCard("staff", clerk, card);
        CITY_OFFICE.setStaffStatus(clerk, "SUSPENDED");
        assertRefused(STAFF_LOGIN, card, LoginRefusal.STAFF_INACTIVE);
    }

    @Test
    void refusesStaffCardNamingAnotherOrganisation() throws Exception {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = clerkCard(clerk, "kameda-hospital");
        CITY_OFFICE.registerCard("staff", clerk, card);
        assertRefused(STAFF_LOGIN, card, LoginRefusal.STAFF_MISMATCH);
    }

    @Test
    void servesNothingButTheCardLoginOnItsConnector() throws Exception {
        Browser browser = new Browser(registeredClerkCard().clientContext());
        assertThat(browser.get(CARD_LOGIN + "/oauth2/jwks").status()).isEqualTo(403);
        assertThat(browser.get(CARD_LOGIN + "/actuator/health").status()).isEqualTo(403);
    }

    @Test
    void auditsRefusalWithReasonAndSerialButNeverThePersonalId() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        Card card = registeredResidentCard(personalId, CITY_OFFICE.createPerson(personalId));
        CITY_OFFICE.suspendCard(card);
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
            assertThat(event.getKeyValuePairs()).anySatisfy(kv -> assertThat(kv.value).isEqualTo(card.serialHex()));
            assertThat(event.getFormattedMessage() + event.getKeyValuePairs()).doesNotContain(personalId);
        });
    }

    private static void assertRefused(String login, Card card, LoginRefusal reason) throws IOException {
        Browser.Page page = new Browser(card.clientContext()).get(login);
        assertThat(page.header("Sscard-Login-Refusal")).as(page.body()).isEqualTo(reason.name());
        assertThat(page.status()).isEqualTo(reason.status().value());
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("lang=\"ja\"", reason.japanese(), reason.english());
    }

    private static Card residentCard(String personalId) {
        return PKI.card("SERIALNUMBER=" + personalId).policy(TestPki.RESIDENT_POLICY).issue();
    }

    private static Card registeredResidentCard(String personalId, UUID person) {
        Card card = residentCard(personalId);
        CITY_OFFICE.registerCard("persons", person, card);
        return card;
    }

    private static Card clerkCard(UUID clerk, String organisation) {
        return PKI.card("C=JP, O=" + organisation + ", OU=RECEPTION_CLERK, UID=" + clerk + ", CN=受付 試験")
                .policy(TestPki.CLERK_POLICY).issue();
    }

    private static Card registeredClerkCard() {
        CITY_OFFICE.ensureHospital(HOSPITAL);
        UUID clerk = CITY_OFFICE.createStaff(HOSPITAL, "RECEPTION_CLERK");
        Card card = clerkCard(clerk, HOSPITAL);
        CITY_OFFICE.registerCard("staff", clerk, card);
        return card;
    }
}
