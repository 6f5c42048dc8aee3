package org.sscard.console.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * What the stand-in back ends answer when all goes well, as the contract describes their answers: one resident
 * (鴨川 花子) with an active, a suspended and a revoked card and three service choices, an insurer's two members
 * (insurer-adapters), soft cards, enrolment codes, an accepted import, the relay's link reviews (a mismatch, a
 * disputed link) and linkage log, and the insurer's previous-coverage notices.
 */
public final class Fixtures {

    public static final UUID PERSON = UUID.fromString("5e1d3c1a-7d0e-4f55-9a37-0c7c1b2d3e4f");
    public static final UUID SUBSCRIPTION = UUID.fromString("8a8a8a8a-1111-4222-8333-944444444444");
    public static final UUID MAPPING = UUID.fromString("7b7b7b7b-1111-4222-8333-944444444444");
    public static final String ACTIVE_CARD = "C-ACTIVE-1";
    public static final String ACTIVE_CERTIFICATE = "1a2b3c";
    public static final String SUSPENDED_CARD = "C-HOLD-1";
    public static final String SUSPENDED_CERTIFICATE = "4d5e6f";
    public static final String REVOKED_CARD = "C-OLD-1";
    public static final byte[] PKCS12 = "PKCS12-BYTES-OF-THE-NEW-CARD".getBytes(StandardCharsets.US_ASCII);
    public static final String ENROLMENT_CODE = "ABCDEFGHJKMNPQRSTVWX";
    public static final UUID VERIFICATION = UUID.fromString("9c18ee7a-2863-41bd-9c41-05b72ee5fea9");

    /** A submitted dependant verification (被扶養者確認) as insurer-adapters' operator API answers it. */
    public static final String VERIFICATION_JSON = "{\"id\":\"" + VERIFICATION + "\",\"fiscalYear\":2026,"
            + "\"status\":\"SUBMITTED\",\"submittedAt\":\"2026-12-07T18:36:15.291537Z\",\"insured\":{"
            + "\"localId\":\"06139999|10|2001|00\",\"symbol\":\"10\",\"number\":\"2001\",\"branch\":\"00\","
            + "\"nameKanji\":\"天津 一郎\",\"nameKana\":\"アマツ イチロウ\",\"dateOfBirth\":\"1975-07-21\"},"
            + "\"answers\":[{\"dependant\":{\"localId\":\"06139999|10|2001|01\",\"symbol\":\"10\","
            + "\"number\":\"2001\",\"branch\":\"01\",\"nameKanji\":\"天津 さくら\",\"nameKana\":\"アマツ サクラ\","
            + "\"dateOfBirth\":\"1978-02-14\"},\"answer\":\"NO_LONGER_DEPENDANT\",\"note\":\"就職しました\"}],"
            + "\"history\":[{\"at\":\"2026-12-07T18:36:15.291537Z\",\"actor\":\"person:06139999|10|2001|00\","
            + "\"action\":\"DEPENDANT_VERIFICATION_SUBMIT\",\"verificationId\":\"" + VERIFICATION + "\","
            + "\"localId\":\"06139999|10|2001|00\",\"after\":{\"status\":\"SUBMITTED\"}}]}";

    public static final String ACCEPTED_VERIFICATION_JSON = VERIFICATION_JSON
            .replace("\"status\":\"SUBMITTED\",\"submittedAt\"", "\"status\":\"ACCEPTED\",\"submittedAt\"")
            .replace(
                    "\"dateOfBirth\":\"1978-02-14\"}",
                    "\"dateOfBirth\":\"1978-02-14\",\"lostOn\":\"2026-12-08\",\"validTo\":\"2026-12-07\"}")
            .replace(
                    "\"insured\"",
                    "\"decidedAt\":\"2026-12-07T18:40:00Z\",\"decidedBy\":\"staff:8960374c-6f69-459a-92cd-a16f07876f26\","
                            + "\"decisionReason\":\"確認済み\",\"insured\"");

    public static final String RETURNED_VERIFICATION_JSON = VERIFICATION_JSON.replace(
            "\"status\":\"SUBMITTED\",\"submittedAt\"", "\"status\":\"RETURNED\",\"submittedAt\"");

    public static final String VERIFICATIONS_JSON =
            "{\"items\":[" + VERIFICATION_JSON + "],\"page\":0,\"size\":50,\"total\":1}";

    public static final String PERSON_JSON = "{\"id\":\"" + PERSON + "\",\"nameKana\":\"カモガワ ハナコ\","
            + "\"nameKanji\":\"鴨川 花子\",\"dateOfBirth\":\"1970-04-01\",\"sex\":\"FEMALE\","
            + "\"address\":\"千葉県鴨川市横渚1450\",\"provisionalSsn\":\"100000000001\",\"status\":\"ACTIVE\","
            + "\"statusChangedAt\":\"2024-04-01T00:00:00Z\",\"statusHistory\":[]}";

    public static final String CARDS_JSON = "[" + card(ACTIVE_CARD, ACTIVE_CERTIFICATE, "ACTIVE", null) + ","
            + card(SUSPENDED_CARD, SUSPENDED_CERTIFICATE, "SUSPENDED", null) + ","
            + card(REVOKED_CARD, "7a8b9c", "REVOKED", "superseded") + "]";

    public static final String CHOICES_JSON = "["
            + choice(
                    "kamogawa-nhi",
                    "INSURER",
                    "鴨川市 国民健康保険",
                    "Kamogawa City NHI",
                    "medical-expense-notice",
                    "医療費のお知らせ",
                    "Medical-expense notices",
                    "JOINED",
                    SUBSCRIPTION)
            + ","
            + choice(
                    "kameda-kenpo",
                    "INSURER",
                    "亀田健康保険組合",
                    "Kameda Health Insurance Society",
                    "eligibility",
                    "保険資格の確認",
                    "Insurance eligibility",
                    "JOINABLE",
                    null)
            + ","
            + choice(
                    "pension-office",
                    "PENSION",
                    "年金事務所",
                    "Pension office",
                    "pension",
                    "年金情報の閲覧",
                    "Pension information",
                    "NOT_KNOWN",
                    null)
            + "]";

    /** A member of kameda-kenpo as insurer-adapters' register answers it (天津 さくら, a dependant). */
    public static final String LOCAL_ID = "06139999|10|2001|01";

    public static final String MEMBER_JSON = "{\"localId\":\"" + LOCAL_ID + "\",\"symbol\":\"10\",\"number\":\"2001\","
            + "\"branch\":\"01\",\"relationship\":\"DEPENDANT\",\"nameKanji\":\"天津 さくら\","
            + "\"nameKana\":\"アマツ サクラ\",\"dateOfBirth\":\"1978-02-14\",\"sex\":\"FEMALE\","
            + "\"acquiredOn\":\"2015-04-01\",\"lostOn\":null,\"lossReason\":null}";

    public static final String LOST_MEMBER_JSON = MEMBER_JSON.replace(
            "\"lostOn\":null,\"lossReason\":null", "\"lostOn\":\"2026-12-01\",\"lossReason\":\"就職\"");

    public static final String MEMBERS_JSON = "{\"items\":[" + MEMBER_JSON + ","
            + MEMBER_JSON
                    .replace(LOCAL_ID, "06139999|10|2002|00")
                    .replace("\"branch\":\"01\"", "\"branch\":\"00\"")
                    .replace("\"number\":\"2001\"", "\"number\":\"2002\"")
                    .replace("天津 さくら", "太海 健")
                    .replace("\"lostOn\":null,\"lossReason\":null", "\"lostOn\":\"2026-11-01\",\"lossReason\":\"退職\"")
            + "],\"page\":0,\"size\":50,\"total\":2}";

    public static final String NOTICES_JSON = "{\"items\":[{\"localId\":\"122382|鴨川|1001|00\","
            + "\"nameKanji\":\"鴨川 花子\",\"previousInsurerNameJa\":\"亀田健康保険組合\","
            + "\"previousInsurerNameEn\":\"Kameda Health Insurance Society\",\"lostOn\":\"2026-12-01\","
            + "\"receivedAt\":\"2026-12-07T10:15:01Z\"}]}";

    public static final String LINKAGE_LOG_JSON = "{\"items\":["
            + "{\"at\":\"2026-12-07T10:15:00Z\",\"direction\":\"RECEIVED\",\"type\":\"MEMBER_LEFT\","
            + "\"subject\":\"" + LOCAL_ID + "\",\"outcome\":\"ENDED_MAPPING\"},"
            + "{\"at\":\"2026-12-07T10:00:00Z\",\"direction\":\"RECEIVED\",\"type\":\"MEMBER_JOINED\","
            + "\"subject\":\"06139999|10|2003|00\",\"outcome\":\"IN_REVIEW\"},"
            + "{\"at\":\"2026-12-06T09:00:00Z\",\"direction\":\"SENT\",\"type\":\"PREVIOUS_COVERAGE_LOST\","
            + "\"subject\":\"06139999|10|2004|00\",\"outcome\":null}]}";

    public static final UUID REVIEW = UUID.fromString("3f2a1b0c-5d6e-4f70-8192-a3b4c5d6e7f8");

    /** A MISMATCH review: the joiner's address differs from the candidate's (the relay's differences say so). */
    public static final String REVIEW_JSON = "{\"id\":\"" + REVIEW + "\",\"kind\":\"MISMATCH\",\"status\":\"OPEN\","
            + "\"localId\":\"06139999|10|2003|00\",\"openedAt\":\"2026-12-07T10:00:00Z\","
            + "\"differences\":[\"ADDRESS\"],\"providerRecord\":{\"nameKana\":\"カモガワ ハナコ\","
            + "\"nameKanji\":\"鴨川 花子\",\"dateOfBirth\":\"1970-04-01\",\"sex\":\"FEMALE\","
            + "\"address\":\"千葉県鴨川市横渚1451\",\"acquiredOn\":\"2026-12-01\",\"symbol\":\"10\","
            + "\"number\":\"2003\",\"branch\":\"00\",\"relationship\":\"INSURED\"},"
            + "\"relayRecord\":{\"nameKana\":\"カモガワ ハナコ\",\"nameKanji\":\"鴨川 花子\","
            + "\"dateOfBirth\":\"1970-04-01\",\"sex\":\"FEMALE\",\"address\":\"千葉県鴨川市横渚1450\"},"
            + "\"decision\":null}";

    /** A NO_CANDIDATE review: no provisional SSN, no address; the relay has nobody to compare. */
    public static final String NO_CANDIDATE_JSON = REVIEW_JSON
            .replace("\"kind\":\"MISMATCH\"", "\"kind\":\"NO_CANDIDATE\"")
            .replace("\"differences\":[\"ADDRESS\"]", "\"differences\":[]")
            .replace("\"address\":\"千葉県鴨川市横渚1451\"", "\"address\":null")
            .replaceAll("\"relayRecord\":\\{[^}]*\\}", "\"relayRecord\":null");

    /** A DISPUTED review: the resident said the link was not theirs; the kanji name differs. */
    public static final String DISPUTED_JSON = REVIEW_JSON
            .replace("\"kind\":\"MISMATCH\"", "\"kind\":\"DISPUTED\"")
            .replace("\"differences\":[\"ADDRESS\"]", "\"differences\":[]")
            .replace("千葉県鴨川市横渚1451", "千葉県鴨川市横渚1450")
            .replace(
                    "\"nameKanji\":\"鴨川 花子\",\"dateOfBirth\":\"1970-04-01\",\"sex\":\"FEMALE\",\"address\":\"千葉県鴨川市横渚1450\"}",
                    "\"nameKanji\":\"鴨川 華子\",\"dateOfBirth\":\"1970-04-01\",\"sex\":\"FEMALE\",\"address\":\"千葉県鴨川市横渚1450\"}");

    /** A disputed link whose resident wrote a note for the administrator (over two lines, with markup to escape). */
    public static final UUID NOTED_REVIEW = UUID.fromString("5e3b2c1d-6e7f-4a81-92a3-b4c5d6e7f809");

    public static final String RESIDENT_NOTE = "鴨川市に住んだことはありません。\n<script>alert(1)</script> & <b>別人</b>";

    public static final String NOTED_REVIEW_JSON = DISPUTED_JSON
            .replace(REVIEW.toString(), NOTED_REVIEW.toString())
            .replace(
                    "\"decision\":null",
                    "\"residentNote\":\"鴨川市に住んだことはありません。\\n<script>alert(1)</script> & <b>別人</b>\","
                            + "\"decision\":null");

    /** The MISMATCH review once linked, as the relay answers the decision. */
    public static final String LINKED_REVIEW_JSON = REVIEW_JSON
            .replace("\"status\":\"OPEN\"", "\"status\":\"LINKED\"")
            .replace(
                    "\"decision\":null",
                    "\"decidedAt\":\"2026-12-07T11:00:00Z\",\"decision\":{\"decision\":\"LINK\","
                            + "\"reason\":\"住民票の写しで転居を確認\",\"decidedAt\":\"2026-12-07T11:00:00Z\","
                            + "\"decidedBy\":\"staff:8960374c-6f69-459a-92cd-a16f07876f26\"}");

    public static final String REVIEWS_JSON = "{\"items\":[{\"id\":\"" + REVIEW + "\",\"kind\":\"MISMATCH\","
            + "\"localId\":\"06139999|10|2003|00\",\"status\":\"OPEN\",\"openedAt\":\"2026-12-07T10:00:00Z\","
            + "\"differences\":[\"ADDRESS\"],\"decidedAt\":null,\"decision\":null},"
            + "{\"id\":\"4f2a1b0c-5d6e-4f70-8192-a3b4c5d6e7f9\",\"kind\":\"DISPUTED\","
            + "\"localId\":\"06139999|10|2004|00\",\"status\":\"OPEN\",\"openedAt\":\"2026-12-07T10:05:00Z\","
            + "\"differences\":[],\"decidedAt\":null,\"decision\":null}],\"page\":0,\"size\":50,\"total\":2}";

    public static final String SOFT_CARD_JSON = "{\"cardSerial\":\"C-NEW-1\",\"certificateSerial\":\"abc123\","
            + "\"sha256\":\"00\",\"notAfter\":\"2031-04-01T00:00:00Z\",\"pkcs12\":\""
            + Base64.getEncoder().encodeToString(PKCS12) + "\"}";

    public static final String ACCEPTED_REPORT = "{\"status\":\"IMPORTED\",\"provider\":\"kameda-kenpo\","
            + "\"kind\":\"eligibility\",\"fileName\":\"eligibility.csv\",\"sha256\":\"ab12\",\"charset\":\"UTF-8\","
            + "\"rows\":2,\"covered\":2,\"replaced\":0,\"errorCount\":0,\"errors\":[]}";

    public static final String REJECTED_PROBLEM = "{\"type\":\"urn:sscard:problem:import-rejected\","
            + "\"title\":\"The file has bad rows; nothing was loaded\",\"status\":422,\"code\":\"IMPORT_REJECTED\","
            + "\"detail\":\"3 bad values in bad.csv; nothing was loaded\",\"errorCount\":3,\"sha256\":\"cd34\","
            + "\"errors\":[{\"line\":3,\"column\":\"birth_date\",\"reason\":\"日付ではありません / not a date\"},"
            + "{\"line\":3,\"column\":\"branch\",\"reason\":\"2桁ではありません / not 2 digits\"},"
            + "{\"line\":7,\"column\":\"number\",\"reason\":\"空です / empty\"}]}";

    private Fixtures() {}

    /** Every back end answers as all goes well. */
    public static void allAnswer(FakePlatform platform) {
        String person = "/relay/api/v1/persons/" + PERSON;
        platform.on("POST", "/relay/api/v1/persons/lookup/by-provisional-ssn", 200, PERSON_JSON)
                .on("POST", "/relay/api/v1/persons", 201, PERSON_JSON)
                .on("GET", person, 200, PERSON_JSON)
                .on("GET", person + "/cards", 200, CARDS_JSON)
                .on("GET", person + "/service-choices", 200, CHOICES_JSON)
                .on("POST", person + "/subscriptions", 201, subscription(null))
                .on("POST", person + "/subscriptions/[^/]+/withdraw", 200, subscription("\"2026-12-07T01:00:00Z\""))
                .on("GET", "/adapters/[^/]+/api/v1/members", 200, MEMBERS_JSON)
                .on("POST", "/adapters/[^/]+/api/v1/members", 201, MEMBER_JSON)
                .on("POST", "/adapters/[^/]+/api/v1/members/[^/]+/loss", 200, LOST_MEMBER_JSON)
                .on("GET", "/adapters/[^/]+/api/v1/linkage/notices", 200, NOTICES_JSON)
                .on("GET", "/relay/api/v1/providers/[^/]+/link-reviews", 200, REVIEWS_JSON)
                .on("GET", "/relay/api/v1/providers/[^/]+/link-reviews/[^/]+", 200, REVIEW_JSON)
                .on("GET", "/relay/api/v1/providers/[^/]+/link-reviews/" + NOTED_REVIEW, 200, NOTED_REVIEW_JSON)
                .on("POST", "/relay/api/v1/providers/[^/]+/link-reviews/[^/]+/decision", 200, LINKED_REVIEW_JSON)
                .on("GET", "/relay/api/v1/providers/[^/]+/linkage-log", 200, LINKAGE_LOG_JSON)
                .on("POST", "/issuer/api/v1/cards/soft", 201, SOFT_CARD_JSON)
                .on("POST", "/issuer/api/v1/cards/[^/]+/reissue", 201, SOFT_CARD_JSON)
                .on("POST", "/issuer/api/v1/certificates/[^/]+/suspend", 200, certificate("ON_HOLD"))
                .on("POST", "/issuer/api/v1/certificates/[^/]+/resume", 200, certificate("VALID"))
                .on("POST", "/issuer/api/v1/certificates/[^/]+/revoke", 200, certificate("REVOKED"))
                .on(
                        "POST",
                        "/issuer/api/v1/enrolment-codes",
                        201,
                        "{\"code\":\"" + ENROLMENT_CODE + "\",\"expiresAt\":\"2026-12-07T01:30:00Z\"}")
                .on("POST", "/adapters/[^/]+/api/v1/imports/[^/]+", 200, ACCEPTED_REPORT)
                .on("GET", "/adapters/[^/]+/api/v1/dependant-verifications", 200, VERIFICATIONS_JSON)
                .on("GET", "/adapters/[^/]+/api/v1/dependant-verifications/[^/]+", 200, VERIFICATION_JSON)
                .on(
                        "POST",
                        "/adapters/[^/]+/api/v1/dependant-verifications/[^/]+/accept",
                        200,
                        ACCEPTED_VERIFICATION_JSON)
                .on(
                        "POST",
                        "/adapters/[^/]+/api/v1/dependant-verifications/[^/]+/return",
                        200,
                        RETURNED_VERIFICATION_JSON);
    }

    private static String card(String serial, String certificate, String status, String reason) {
        return "{\"cardSerial\":\"" + serial + "\",\"holderType\":\"PERSON\",\"holderId\":\"" + PERSON + "\","
                + "\"certificateSerial\":\"" + certificate + "\",\"certificateSha256\":\"00\",\"status\":\"" + status
                + "\",\"revocationReason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"issuedAt\":\"2026-04-01T00:00:00Z\",\"expiresAt\":\"2031-04-01T00:00:00Z\","
                + "\"revokedAt\":null,\"statusChangedAt\":\"2026-04-01T00:00:00Z\",\"history\":["
                + "{\"status\":\"ACTIVE\",\"reason\":null,\"at\":\"2026-04-01T00:00:00Z\",\"by\":\"card-issuer\"}"
                + (status.equals("ACTIVE")
                        ? ""
                        : ",{\"status\":\"" + status + "\",\"reason\":\""
                                + (reason == null ? "certificateHold" : reason)
                                + "\",\"at\":\"2026-06-01T00:00:00Z\",\"by\":\"staff:9f0e8d7c-1111-4222-8333-944444444444\"}")
                + "]}";
    }

    private static String choice(
            String provider,
            String type,
            String nameJa,
            String nameEn,
            String service,
            String serviceJa,
            String serviceEn,
            String state,
            UUID subscription) {
        return "{\"providerKey\":\"" + provider + "\",\"providerType\":\"" + type + "\",\"providerNameJa\":\"" + nameJa
                + "\",\"providerNameEn\":\"" + nameEn + "\",\"serviceKey\":\"" + service + "\",\"serviceNameJa\":\""
                + serviceJa + "\",\"serviceNameEn\":\"" + serviceEn + "\",\"state\":\"" + state
                + "\",\"subscriptionId\":" + (subscription == null ? "null" : "\"" + subscription + "\"") + "}";
    }

    private static String subscription(String withdrawnAt) {
        return "{\"id\":\"" + SUBSCRIPTION + "\",\"providerKey\":\"kameda-kenpo\",\"serviceKey\":\"eligibility\","
                + "\"chosenAt\":\"2026-12-07T00:00:00Z\",\"withdrawnAt\":"
                + (withdrawnAt == null ? "null" : withdrawnAt)
                + "}";
    }

    private static String certificate(String status) {
        return "{\"serial\":\"" + ACTIVE_CERTIFICATE + "\",\"status\":\"" + status + "\"}";
    }
}
