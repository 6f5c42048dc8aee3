package org.sscard.console.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sscard.console.support.ConsoleTest;
import org.sscard.console.support.FakePlatform;
import org.sscard.console.support.Fixtures;
import org.sscard.console.support.Persona;

/**
 * Every console action × every kind of login: the city administrator may do the city's actions only, each insurer's
 * administrator the insurer actions for their own insurer only, and a reception clerk, a hospital administrator and a
 * resident nothing at all (403, and no back end asked). Where an action is allowed, every back-end call carries an
 * operator token granted for that call's audience, asked with the operator's own access token.
 */
class RoleActionMatrixTest extends ConsoleTest {

    private static final String P = "/residents/" + Fixtures.PERSON;

    /** One console action: who may do it, and the request for an operator of {@code organisation}. */
    record ConsoleAction(
            String name, boolean city, int backEndCalls, Function<String, MockHttpServletRequestBuilder> request) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<ConsoleAction> actions() {
        List<ConsoleAction> actions = new ArrayList<>();
        actions.add(city("home (city)", 0, org -> get("/residents")));
        actions.add(city(
                "find a resident",
                1,
                org -> post("/residents/search")
                        .param("provisionalSsn", "1000-0000-0001")
                        .param("dateOfBirth", "1970-04-01")));
        actions.add(city("registration form", 0, org -> get("/residents/new")));
        actions.add(city(
                "register a resident",
                1,
                org -> post("/residents")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("nameKanji", "鴨川 花子")
                        .param("dateOfBirth", "1970-04-01")
                        .param("sex", "FEMALE")
                        .param("address", "千葉県鴨川市横渚1450")
                        .param("provisionalSsn", "100000000001")));
        actions.add(city("resident page", 3, org -> get(P)));
        actions.add(city("soft card form", 0, org -> get(P + "/soft-card")));
        actions.add(city(
                "issue a soft card",
                1,
                org -> post(P + "/soft-card").param("pin", "4826").param("pinRepeat", "4826")));
        actions.add(city("suspend form", 0, org -> get(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend")));
        actions.add(city(
                "suspend a card",
                2,
                org -> post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/suspend").param("reason", "紛失の届け出")));
        actions.add(city("resume form", 0, org -> get(P + "/cards/" + Fixtures.SUSPENDED_CARD + "/resume")));
        actions.add(city(
                "resume a card",
                2,
                org -> post(P + "/cards/" + Fixtures.SUSPENDED_CARD + "/resume").param("reason", "見つかった")));
        actions.add(city("revoke form", 0, org -> get(P + "/cards/" + Fixtures.ACTIVE_CARD + "/revoke")));
        actions.add(city(
                "revoke a card",
                2,
                org -> post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/revoke")
                        .param("case", "DAMAGED")
                        .param("reason", "割れた")
                        .param("confirmed", "yes")));
        actions.add(city("reissue form", 0, org -> get(P + "/cards/" + Fixtures.ACTIVE_CARD + "/reissue")));
        actions.add(city(
                "reissue a card",
                2,
                org -> post(P + "/cards/" + Fixtures.ACTIVE_CARD + "/reissue")
                        .param("pin", "4826")
                        .param("pinRepeat", "4826")
                        .param("reason", "破損")));
        actions.add(city("token card page", 0, org -> get(P + "/token-card")));
        actions.add(city("issue an enrolment code", 1, org -> post(P + "/token-card")));
        actions.add(city(
                "register a subscription",
                1,
                org -> post(P + "/subscriptions")
                        .param("providerKey", "kameda-kenpo")
                        .param("serviceKey", "eligibility")));
        actions.add(city("end a subscription", 1, org -> post(P + "/subscriptions/" + Fixtures.SUBSCRIPTION + "/end")));
        actions.add(insurer("members", 1, org -> get("/insurers/" + org + "/members")));
        actions.add(insurer("joiner form", 0, org -> get("/insurers/" + org + "/members/new")));
        actions.add(insurer(
                "register a joiner",
                1,
                org -> post("/insurers/" + org + "/members")
                        .param("symbol", "10")
                        .param("number", "2003")
                        .param("branch", "00")
                        .param("relationship", "INSURED")
                        .param("nameKana", "カモガワ ハナコ")
                        .param("nameKanji", "鴨川 花子")
                        .param("dateOfBirth", "1970-04-01")
                        .param("sex", "FEMALE")
                        .param("acquiredOn", "2026-12-01")
                        .param("copayPercent", "30")));
        actions.add(insurer(
                "loss form", 0, org -> get("/insurers/" + org + "/members/loss").param("member", Fixtures.LOCAL_ID)));
        actions.add(insurer(
                "register a loss",
                1,
                org -> post("/insurers/" + org + "/members/loss")
                        .param("localId", Fixtures.LOCAL_ID)
                        .param("lostOn", "2026-12-01")
                        .param("reason", "退職")));
        String r = "/link-reviews/" + Fixtures.REVIEW;
        actions.add(insurer("link reviews", 1, org -> get("/insurers/" + org + "/link-reviews")));
        actions.add(insurer("a link review", 1, org -> get("/insurers/" + org + r)));
        actions.add(insurer(
                "link, confirmation",
                1,
                org -> post("/insurers/" + org + r + "/decision")
                        .param("decision", "LINK")
                        .param("reason", "同じ人と確認")));
        actions.add(insurer(
                "decide a link review",
                1,
                org -> post("/insurers/" + org + r + "/decision")
                        .param("decision", "LINK")
                        .param("reason", "同じ人と確認")
                        .param("confirmed", "yes")));
        actions.add(insurer("linkage", 2, org -> get("/insurers/" + org + "/linkage")));
        actions.add(insurer("upload form", 0, org -> get("/insurers/" + org + "/imports")));
        actions.add(insurer(
                "upload a CSV",
                1,
                org -> multipart("/insurers/" + org + "/imports")
                        .file(new MockMultipartFile(
                                "file",
                                "eligibility.csv",
                                "text/csv",
                                "insurer_number\n06139999\n".getBytes(StandardCharsets.UTF_8)))
                        .param("kind", "eligibility")));
        String v = "/dependants/" + Fixtures.VERIFICATION;
        actions.add(insurer("dependant verifications", 1, org -> get("/insurers/" + org + "/dependants")));
        actions.add(insurer("a dependant verification", 1, org -> get("/insurers/" + org + v)));
        actions.add(insurer("accept, confirmation", 1, org -> post("/insurers/" + org + v + "/accept")));
        actions.add(insurer(
                "accept a dependant verification",
                2,
                org -> post("/insurers/" + org + v + "/accept")
                        .param("reason", "確認済み")
                        .param("confirmed", "yes")));
        actions.add(insurer(
                "return a dependant verification",
                2,
                org -> post("/insurers/" + org + v + "/return").param("reason", "就職日を補足に書いてください")));
        return actions;
    }

    static Stream<Arguments> matrix() {
        return actions().stream()
                .flatMap(action -> Stream.of(Persona.values()).map(persona -> Arguments.of(action, persona)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void allowsEachActionToItsOwnRoleOnlyAndCallsTheBackEndsWithOperatorTokensOnly(
            ConsoleAction action, Persona persona) throws Exception {
        boolean allowed = action.city() ? persona.isCity() : persona.isInsurer();
        String organisation = persona.isInsurer() ? persona.organisation : "kameda-kenpo";

        MvcResult result = mvc.perform(action.request()
                        .apply(organisation)
                        .with(login(persona))
                        .with(csrf()))
                .andReturn();

        int status = result.getResponse().getStatus();
        if (!allowed) {
            assertThat(status).as("%s by %s", action, persona).isEqualTo(403);
            assertThat(PLATFORM.requests())
                    .as("no back end is asked for a refused action")
                    .isZero();
            return;
        }
        assertThat(status).as("%s by %s", action, persona).isBetween(200, 399);
        assertThat(PLATFORM.calls()).as("back-end calls of %s", action).hasSize(action.backEndCalls());
        assertOperatorTokensOnly(organisation);
    }

    /** One fresh operator token per back-end call, for that call's audience, asked with the operator's own token. */
    static void assertOperatorTokensOnly(String organisation) {
        List<FakePlatform.Call> calls = PLATFORM.calls();
        List<Map<String, String>> grants = PLATFORM.tokenRequests();
        assertThat(grants).hasSameSizeAs(calls);
        assertThat(grants)
                .allSatisfy(form -> assertThat(form)
                        .containsEntry("grant_type", "urn:sscard:params:oauth:grant-type:operator-action")
                        .containsEntry("actor_token", ACTOR_TOKEN)
                        .containsEntry("actor_token_type", "urn:ietf:params:oauth:token-type:access_token")
                        .containsEntry("client_id", "operator-console")
                        .containsEntry(
                                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .containsKey("client_assertion")
                        .doesNotContainKey("client_secret"));
        assertThat(calls).allSatisfy(call -> {
            String audience = PLATFORM.audienceOf(call.bearer());
            if (call.path().startsWith("/relay/")) {
                assertThat(audience).as(call.path()).isEqualTo("relay-db-service");
            } else if (call.path().startsWith("/issuer/")) {
                assertThat(audience).as(call.path()).isEqualTo("card-issuer");
            } else {
                assertThat(call.path())
                        .startsWith("/adapters/" + organisation + "/api/v1/")
                        .matches(".*/api/v1/(imports/|dependant-verifications|members|linkage/notices).*");
                assertThat(audience).as(call.path()).isEqualTo(organisation);
            }
        });
        assertThat(calls.stream().map(FakePlatform.Call::bearer)).doesNotHaveDuplicates();
    }

    private static ConsoleAction city(
            String name, int backEndCalls, Function<String, MockHttpServletRequestBuilder> request) {
        return new ConsoleAction(name, true, backEndCalls, request);
    }

    private static ConsoleAction insurer(
            String name, int backEndCalls, Function<String, MockHttpServletRequestBuilder> request) {
        return new ConsoleAction(name, false, backEndCalls, request);
    }
}
