package org.sscard.adapters.dependants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sscard.adapters.dependants.DependantVerificationTest.PATH;
import static org.sscard.adapters.dependants.DependantVerificationTest.answers;
import static org.sscard.adapters.dependants.DependantVerificationTest.insured;
import static org.sscard.adapters.dependants.TestHouseholds.KENPO;
import static org.sscard.adapters.dependants.TestHouseholds.localId;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * Role × action: only Kameda Kenpo's own administrator, through the operators' console, reads and decides its
 * verifications. The city administrator, another insurer's administrator (whatever the token's audience), a counter
 * clerk acting for the person, the person's own pairwise token, another client's operator token and a client's own
 * token are refused every one of the four actions, and nothing changes.
 */
class DependantReviewAccessTest extends AdaptersTest {

    private static final String REVIEW = DependantReviewTest.REVIEW;

    @Autowired
    Importer importer;

    @Test
    void refusesEveryoneButThisInsurersOwnAdministratorEveryAction() {
        String number = TestHouseholds.newNumber();
        TestHouseholds.load(importer, number, "さくら");
        String id = Http.postJson(port, PATH, insured(number), answers("01", "NO_LONGER_DEPENDANT"))
                .json()
                .path("submission")
                .path("id")
                .asText();
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("city administrator", operator(KENPO, "CITY_ADMIN", "city"));
        callers.put("another insurer's administrator", operator(KENPO, "INSURER_ADMIN", "kamogawa-nhi"));
        callers.put(
                "a counter clerk acting for the person", Tokens.staff(localId(number, "00"), KENPO, "clerk-1", KENPO));
        callers.put("the insured person's pairwise token", insured(number));
        callers.put(
                "another client's operator token",
                Tokens.operator("reception-desk", KENPO, UUID.randomUUID().toString(), "INSURER_ADMIN", KENPO));
        callers.put("an import client's own token", Tokens.client("kameda-kenpo-admin", KENPO));

        for (Map.Entry<String, String> caller : callers.entrySet()) {
            for (Http.Response response : new Http.Response[] {
                Http.get(port, REVIEW + "?status=SUBMITTED", caller.getValue()),
                Http.get(port, REVIEW + "/" + id, caller.getValue()),
                Http.postJson(port, REVIEW + "/" + id + "/accept", caller.getValue(), "{}"),
                Http.postJson(port, REVIEW + "/" + id + "/return", caller.getValue(), "{\"reason\":\"x\"}")
            }) {
                assertThat(response.status())
                        .as(caller.getKey() + ": " + response.body())
                        .isEqualTo(403);
                assertThat(response.json().path("code").asText()).isEqualTo("FORBIDDEN");
            }
        }
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.dependant_verification WHERE id = ?::uuid AND status = 'SUBMITTED'",
                        id))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM kameda_kenpo.access_log WHERE local_id = ? AND action LIKE 'DEPENDANT_VERIFICATION_R%'",
                        localId(number, "00")))
                .as("nobody refused read anything")
                .isZero();
    }

    @Test
    void anotherInsurersAdministratorFindsNoSuchVerificationAtTheirOwnInsurer() {
        String number = TestHouseholds.newNumber();
        TestHouseholds.load(importer, number, "さくら");
        String id = Http.postJson(port, PATH, insured(number), answers("01", "STILL_DEPENDANT"))
                .json()
                .path("submission")
                .path("id")
                .asText();
        String nhiAdmin = operator("kamogawa-nhi", "INSURER_ADMIN", "kamogawa-nhi");

        Http.Response response =
                Http.postJson(port, "/kamogawa-nhi/api/v1/dependant-verifications/" + id + "/accept", nhiAdmin, "{}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("NO_VERIFICATION");
    }

    @Test
    void aPensionOfficesAdministratorHasNoVerificationsToReview() {
        String pensionAdmin = operator("pension-office", "INSURER_ADMIN", "pension-office");

        assertThat(Http.get(port, "/pension-office/api/v1/dependant-verifications", pensionAdmin)
                        .status())
                .isEqualTo(403);
    }

    private static String operator(String audience, String role, String organisation) {
        return Tokens.operator("operator-console", audience, UUID.randomUUID().toString(), role, organisation);
    }
}
