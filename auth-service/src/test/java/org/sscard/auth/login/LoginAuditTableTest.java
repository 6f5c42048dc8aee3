package org.sscard.auth.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.CardLoginTest;
import org.sscard.testsupport.RelayFixture;

/** Card logins leave a row each in the append-only login_audit table: reason codes, no personal data. */
class LoginAuditTableTest extends CardLoginTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusedLoginWritesRowWithReasonAndNoPersonalData() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        CITY_OFFICE.createPerson(personalId);
        Card card = residentCard(personalId);

        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.CARD_UNKNOWN);

        Map<String, Object> row = rowFor(card);
        assertThat(row)
                .containsEntry("event", "card-login")
                .containsEntry("outcome", "failure")
                .containsEntry("reason", "CARD_UNKNOWN")
                .containsEntry("login_profile", "RESIDENT")
                .containsEntry("client_address", "127.0.0.1")
                .containsEntry("validator_reason", null)
                .containsEntry("subject", null);
        assertThat(row.values())
                .allSatisfy(value -> assertThat(String.valueOf(value))
                        .doesNotContain(personalId)
                        .doesNotContain(
                                card.certificate().getSubjectX500Principal().getName()));
    }

    @Test
    void certificateRefusalKeepsTheValidatorReason() throws Exception {
        Card card = card(PKI.residentCard(RelayFixture.newPersonalId()).signedWithSha1());

        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.CERTIFICATE_REJECTED);

        assertThat(rowFor(card))
                .containsEntry("reason", "CERTIFICATE_REJECTED")
                .containsEntry("validator_reason", "WEAK_ALGORITHM");
    }

    @Test
    void acceptedLoginWritesRowWithOpaqueSubject() throws Exception {
        String personalId = RelayFixture.newPersonalId();
        UUID person = CITY_OFFICE.createPerson(personalId);
        Card card = registeredResidentCard(personalId, person);

        new Browser(card.clientContext()).get(RESIDENT_LOGIN);

        assertThat(rowFor(card))
                .containsEntry("outcome", "success")
                .containsEntry("reason", null)
                .containsEntry("subject", person.toString());
    }

    @Test
    void rowsCannotBeUpdatedOrDeleted() throws Exception {
        Card card = residentCard(RelayFixture.newPersonalId());
        assertRefused(RESIDENT_LOGIN, card, LoginRefusal.CARD_UNKNOWN);

        assertThatThrownBy(() -> jdbc.sql("UPDATE login_audit SET reason = 'NOTHING' WHERE certificate_serial = ?")
                        .param(card.serialHex())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM login_audit WHERE certificate_serial = ?")
                        .param(card.serialHex())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE login_audit").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(rowFor(card)).containsEntry("reason", "CARD_UNKNOWN");
    }

    private Map<String, Object> rowFor(Card card) {
        return jdbc.sql("SELECT * FROM login_audit WHERE certificate_serial = ?")
                .param(card.serialHex())
                .query()
                .singleRow();
    }
}
