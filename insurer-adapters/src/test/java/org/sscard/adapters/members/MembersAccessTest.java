package org.sscard.adapters.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.adapters.members.MembersApiTest.MEMBERS;
import static org.sscard.adapters.members.MembersApiTest.joiner;
import static org.sscard.adapters.members.MembersApiTest.loss;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * Role × action: only Kamogawa NHI's own administrator, through the operators' console, lists its members,
 * registers joiners and losses and reads its previous-coverage notices. Another insurer's administrator (a token
 * addressed to this insurer), the city administrator, a counter clerk, the person, another client's operator token
 * and an import client are refused every action, and nothing is written or logged.
 */
class MembersAccessTest extends AdaptersTest {

    @Test
    void refusesEveryoneButThisInsurersOwnAdministratorEveryAction() {
        String own = MembersApiTest.admin("kamogawa-nhi", UUID.randomUUID().toString());
        assertThat(Http.postJson(port, MEMBERS, own, joiner("LA1", "00")).status())
                .isEqualTo(201);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put(
                "another insurer's administrator",
                Tokens.operator(
                        "operator-console",
                        "kamogawa-nhi",
                        UUID.randomUUID().toString(),
                        "INSURER_ADMIN",
                        "kameda-kenpo"));
        callers.put(
                "the city administrator",
                Tokens.operator(
                        "operator-console", "kamogawa-nhi", UUID.randomUUID().toString(), "CITY_ADMIN", "city"));
        callers.put(
                "a counter clerk acting for the person",
                Tokens.staff("122382|鴨川|LA1|00", "kamogawa-nhi", "clerk-1", "kamogawa-nhi"));
        callers.put("the person's pairwise token", Tokens.person("122382|鴨川|LA1|00", "kamogawa-nhi"));
        callers.put(
                "another client's operator token",
                Tokens.operator(
                        "reception-desk",
                        "kamogawa-nhi",
                        UUID.randomUUID().toString(),
                        "INSURER_ADMIN",
                        "kamogawa-nhi"));
        callers.put("an import client's own token", Tokens.client("city-office", "kamogawa-nhi"));

        for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (Http.Response response : new Http.Response[] {
                Http.get(port, MEMBERS, caller.getValue()),
                Http.postJson(port, MEMBERS, caller.getValue(), joiner("LA2", "00")),
                Http.postJson(port, loss("122382|鴨川|LA1|00"), caller.getValue(), "{\"lostOn\":\"2027-01-01\"}"),
                Http.get(port, "/kamogawa-nhi/api/v1/linkage/notices", caller.getValue())
            }) {
                assertThat(response.status())
                        .as(caller.getKey() + ": " + response.body())
                        .isEqualTo(403);
                assertThat(response.json().path("code").asText()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LA2'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.member WHERE number = 'LA1' AND lost_on IS NULL"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.linkage_outbox WHERE subject LIKE '%|LA1|%'"))
                .as("the joiner's event only")
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.access_log WHERE local_id LIKE '%|LA1|%'"
                        + " AND action <> 'JOINER_REGISTERED'"))
                .as("nobody refused read anything")
                .isZero();
    }

    @Test
    void anotherInsurersAdministratorWithTheirOwnTokenSeesOnlyTheirOwnMembers() {
        String own = MembersApiTest.admin("kamogawa-nhi", UUID.randomUUID().toString());
        Http.postJson(port, MEMBERS, own, joiner("LA3", "00"));
        String kenpoAdmin =
                MembersApiTest.admin("kameda-kenpo", UUID.randomUUID().toString());

        // addressed to their own insurer, the other insurer's path does not even take the token
        assertThat(Http.get(port, MEMBERS, kenpoAdmin).status()).isEqualTo(401);
        assertThat(Http.get(port, "/kameda-kenpo/api/v1/members?q=LA3", kenpoAdmin)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aPensionOfficesAdministratorHasNoMembersHere() {
        String pension = Tokens.operator(
                "operator-console", "pension-office", UUID.randomUUID().toString(), "INSURER_ADMIN", "pension-office");

        assertThat(Http.get(port, "/pension-office/api/v1/members", pension).status())
                .isEqualTo(403);
        assertThat(Http.get(port, "/pension-office/api/v1/linkage/notices", pension)
                        .status())
                .isEqualTo(403);
    }
}
