package org.sscard.auth.operator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.sscard.auth.support.Browser;
import org.sscard.auth.support.Card;
import org.sscard.auth.support.TokenEndpointTest;
import org.sscard.common.operator.Operator;
import org.sscard.testsupport.pki.TestPki;

/**
 * The operators' console at the token endpoint: administrators log in with their staff cards through the real
 * {@code operator-console} client (application.yml's), against the real relay, and ask for operator tokens.
 */
abstract class OperatorConsoleTest extends TokenEndpointTest {

    static final String CONSOLE = "operator-console";
    static final String RELAY = "relay-db-service";
    static final String CARD_ISSUER = "card-issuer";
    /** The demo configuration's insurers and hospital (the test relay runs it). */
    static final String KAMEDA_KENPO = "kameda-kenpo";

    static final String KAMOGAWA_NHI = "kamogawa-nhi";
    static final String HOSPITAL = "kameda-hospital";

    @Autowired
    JdbcClient jdbc;

    static StaffLogin cityAdmin() throws Exception {
        return staffLogin(Operator.CITY, Operator.CITY_ADMIN, CONSOLE, CONSOLE_LOGIN_REDIRECT);
    }

    static StaffLogin insurerAdmin(String insurer) throws Exception {
        return staffLogin(insurer, Operator.INSURER_ADMIN, CONSOLE, CONSOLE_LOGIN_REDIRECT);
    }

    /**
     * A hospital's administrator logged in through the console. The test PKI has no profile for the role, so the
     * card is a clerk's with the hospital administrator's subject and policy, as the card issuer makes it.
     */
    static String hospitalAdminToken() throws Exception {
        UUID id = CITY_OFFICE.createStaff(HOSPITAL, "HOSPITAL_ADMIN");
        Card card = card(PKI.staffCard(id, HOSPITAL, "RECEPTION_CLERK")
                .subject("C=JP, O=" + HOSPITAL + ", OU=HOSPITAL_ADMIN, UID=" + id + ", CN=試験 職員")
                .policies(TestPki.POLICY_ARC + ".1.5"));
        CITY_OFFICE.registerCard("staff", id, card.certificate());
        return login(card, CONSOLE, CONSOLE_LOGIN_REDIRECT);
    }

    /** The grant as {@code client} (its private_key_jwt), with the operator's token, for {@code audience}. */
    static Browser.Page act(String client, String actorToken, String audience) throws Exception {
        return act(
                client,
                Map.of(
                        "actor_token",
                        actorToken,
                        "actor_token_type",
                        "urn:ietf:params:oauth:token-type:access_token",
                        "audience",
                        audience));
    }

    static Browser.Page act(StaffLogin operator, String audience) throws Exception {
        return act(CONSOLE, operator.accessToken(), audience);
    }

    /** The grant with exactly these parameters besides the grant type and the client's authentication. */
    static Browser.Page act(String client, Map<String, String> parameters) throws Exception {
        Map<String, String> form = new HashMap<>(clientAssertion(client));
        form.put("grant_type", Operator.GRANT_TYPE);
        form.putAll(parameters);
        return post("/oauth2/token", form);
    }

    /** The login audit's newest operator-action row. */
    Map<String, Object> lastAuditRow() {
        return jdbc.sql("SELECT * FROM login_audit WHERE event = 'operator-action' ORDER BY id DESC LIMIT 1")
                .query()
                .singleRow();
    }

    List<Map<String, Object>> auditRowsOf(UUID staff) {
        return jdbc.sql("SELECT * FROM login_audit WHERE event = 'operator-action' AND subject = ? ORDER BY id")
                .param(staff.toString())
                .query()
                .listOfRows();
    }
}
