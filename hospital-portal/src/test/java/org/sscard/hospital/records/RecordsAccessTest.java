package org.sscard.hospital.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.sscard.hospital.importer.HospitalImporter;
import org.sscard.hospital.support.HospitalTest;
import org.sscard.hospital.support.SamlBrowser;

/** Whose records come back: only the SAML NameID's or the pairwise token's subject's, and every read is logged. */
class RecordsAccessTest extends HospitalTest {

    private static final String ALICE = "R0000001";
    private static final String BOB = "R0000002";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean imported;

    @Autowired
    HospitalImporter importer;

    /** The records are imported once, through the importer, before the first test (it needs the context). */
    @org.junit.jupiter.api.BeforeEach
    void importOnce() throws Exception {
        if (imported) {
            return;
        }
        String xml = new String(
                        getClass()
                                .getResourceAsStream("/extracts/two-patients.xml")
                                .readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .replace("T0000001", ALICE)
                .replace("T0000002", BOB);
        Path file = Files.createTempFile("records", ".xml");
        Files.writeString(file, xml);
        importer.importFile(file, "records.xml", line -> {});
        imported = true;
    }

    @Test
    void servesTheTokenSubjectsRecordsOnly() throws Exception {
        JsonNode records = json(api("/api/v1/records", pairwise(BOB)));

        assertThat(records.path("patientNumber").asText()).isEqualTo(BOB);
        assertThat(records.path("visits")).hasSize(1);
        assertThat(records.path("visits").get(0).path("department").asText()).isEqualTo("眼科");
        assertThat(records.toString()).doesNotContain(ALICE).doesNotContain("HbA1c");
    }

    @Test
    void ignoresIdentityHeadersAndPatientParameters() throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/records")
                .param("patient", ALICE)
                .param("patientNumber", ALICE)
                .header("Authorization", "Bearer " + pairwise(BOB))
                .header("X-Patient-Number", ALICE)
                .header("Sscard-Subject", ALICE)
                .header("X-Remote-User", ALICE);

        JsonNode records =
                JSON.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());

        assertThat(records.path("patientNumber").asText()).isEqualTo(BOB);
        assertThat(records.toString()).doesNotContain("HbA1c");
    }

    @Test
    void refusesAPlainIdentityHeaderWithoutAToken() throws Exception {
        assertUnauthenticated(mvc.perform(
                        get("/api/v1/records").header("X-Patient-Number", ALICE).header("Sscard-Subject", ALICE))
                .andReturn());
    }

    @Test
    void refusesMissingForgedExpiredMisaddressedAndForeignIssuerTokens() throws Exception {
        assertUnauthenticated(mvc.perform(get("/api/v1/records")).andReturn());
        assertUnauthenticated(call("/api/v1/records", TOKENS.forge("portal-gateway", "kameda-hospital")));
        assertUnauthenticated(call(
                "/api/v1/records",
                TOKENS.mint(
                        "portal-gateway",
                        "kameda-hospital",
                        c -> c.subject(ALICE)
                                .issueTime(Date.from(Instant.now().minusSeconds(900)))
                                .notBeforeTime(Date.from(Instant.now().minusSeconds(900)))
                                .expirationTime(Date.from(Instant.now().minusSeconds(600))))));
        assertUnauthenticated(
                call("/api/v1/records", TOKENS.mint("portal-gateway", "kamogawa-nhi", c -> c.subject(ALICE))));
        assertUnauthenticated(call(
                "/api/v1/records",
                TOKENS.mint(
                        "portal-gateway",
                        "kameda-hospital",
                        c -> c.subject(ALICE).issuer("https://rogue-issuer.test"))));
        assertUnauthenticated(call("/api/v1/access-log", TOKENS.forge("portal-gateway", "kameda-hospital")));
    }

    @Test
    void aServiceClientsOwnTokenReadsNoRecords() throws Exception {
        MvcResult result = call("/api/v1/records", TOKENS.mint("hospital-portal", "kameda-hospital"));

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void refusesAStaffTokenOfAnOrganisationTheHospitalDoesNotAccept() throws Exception {
        // a kameda-kenpo clerk's delegated token for the hospital, as a compromised or careless issuer path would
        // make it: the hospital itself refuses it, whatever auth-service did
        MvcResult insurerClerk = call("/api/v1/records", acting(ALICE, TOKENS.issuer(), "kameda-kenpo"));
        MvcResult otherIssuer = call("/api/v1/records", acting(ALICE, "https://rogue-issuer.test", "kameda-hospital"));
        MvcResult noOrganisation = call("/api/v1/records", acting(ALICE, TOKENS.issuer(), null));

        assertThat(insurerClerk.getResponse().getStatus()).isEqualTo(403);
        assertThat(otherIssuer.getResponse().getStatus()).isEqualTo(403);
        assertThat(noOrganisation.getResponse().getStatus()).isEqualTo(403);
        assertThat(insurerClerk.getResponse().getContentAsString()).doesNotContain("HbA1c");
        assertThat(json(api("/api/v1/records", acting(ALICE, TOKENS.issuer(), "kameda-hospital")))
                        .path("patientNumber")
                        .asText())
                .isEqualTo(ALICE);
    }

    /** A pairwise token for the patient with {@code act}: a clerk of {@code organisation} named by {@code iss}. */
    private static String acting(String patient, String iss, String organisation) {
        Map<String, Object> act = new java.util.HashMap<>(Map.of("sub", "clerk-2", "iss", iss, "role", "CLERK"));
        if (organisation != null) {
            act.put("organisation", organisation);
        }
        return TOKENS.mint(
                "portal-gateway", "kameda-hospital", c -> c.subject(patient).claim("act", act));
    }

    @Test
    void logsEveryApiReadWithWhoWhomWhatAndWhyNewestFirst() throws Exception {
        String staffToken = TOKENS.mint(
                "portal-gateway",
                "kameda-hospital",
                c -> c.subject(ALICE)
                        .claim(
                                "act",
                                Map.of(
                                        "sub",
                                        "staff:clerk-1",
                                        "iss",
                                        TOKENS.issuer(),
                                        "role",
                                        "RECEPTION",
                                        "organisation",
                                        "kameda-hospital")));
        mvc.perform(get("/api/v1/records")
                        .header("Authorization", "Bearer " + pairwise(ALICE))
                        .header("Sscard-Purpose", "checking my results"))
                .andReturn();
        mvc.perform(get("/api/v1/records").header("Authorization", "Bearer " + staffToken))
                .andReturn();

        JsonNode log = json(api("/api/v1/access-log", pairwise(ALICE)));

        assertThat(log.get(0).path("action").asText()).isEqualTo("ACCESS_LOG_READ");
        JsonNode staffRead = log.get(1);
        assertThat(staffRead.path("actor").asText()).isEqualTo("staff:clerk-1");
        assertThat(staffRead.path("role").asText()).isEqualTo("RECEPTION");
        assertThat(staffRead.path("organisation").asText()).isEqualTo("kameda-hospital");
        assertThat(staffRead.path("action").asText()).isEqualTo("RECORDS_READ");
        JsonNode ownRead = log.get(2);
        assertThat(ownRead.path("actor").asText()).isEqualTo("portal-gateway");
        assertThat(ownRead.path("purpose").asText()).isEqualTo("checking my results");
        assertThat(ownRead.path("organisation").isNull()).isTrue();
        assertThat(Instant.parse(ownRead.path("at").asText()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(json(api("/api/v1/access-log", pairwise(BOB))).toString()).doesNotContain("checking my results");
    }

    @Test
    void theRecordsPageShowsTheSamlSubjectsRecordsWhateverTheUrlSays() throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        String requestId = browser.startLogin().requestId();
        assertThat(browser.postResponse(
                                IDP.response(ALICE).inResponseTo(requestId).base64())
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);

        String page = mvc.perform(get("/records")
                        .session(browser.session())
                        .param("patient", BOB)
                        .param("patientNumber", BOB)
                        .header("X-Patient-Number", BOB))
                .andReturn()
                .getResponse()
                .getContentAsString();
        MvcResult byPath =
                mvc.perform(get("/records/" + BOB).session(browser.session())).andReturn();

        assertThat(page)
                .contains(ALICE)
                .contains("試験 一子")
                .contains("HbA1c")
                .doesNotContain(BOB)
                .doesNotContain("眼科");
        assertThat(page).contains("令和8年（2026年）1月10日").contains("令和7年（2025年）12月1日");
        assertThat(byPath.getResponse().getStatus()).isIn(403, 404);
        assertThat(byPath.getResponse().getContentAsString()).doesNotContain("眼科");
        JsonNode log = json(api("/api/v1/access-log", pairwise(ALICE)));
        assertThat(log.toString()).contains("\"actor\":\"patient\"");
    }

    @Test
    void servesASummaryForMyPortal() throws Exception {
        JsonNode summary = json(api("/api/v1/summary", pairwise(ALICE)));

        assertThat(summary.path("lines").toString())
                .contains("令和8年（2026年）1月10日")
                .contains("内科")
                .contains("out of range: 1");
    }

    /** A pairwise token as auth-service's token exchange makes it: sub = patient number, issued to the portal. */
    private static String pairwise(String patient) {
        return TOKENS.mint("portal-gateway", "kameda-hospital", c -> c.subject(patient));
    }

    private MvcResult api(String path, String token) throws Exception {
        MvcResult result = call(path, token);
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(200);
        return result;
    }

    private MvcResult call(String path, String token) throws Exception {
        return mvc.perform(get(path).header("Authorization", "Bearer " + token)).andReturn();
    }

    private static JsonNode json(MvcResult result) throws Exception {
        return JSON.readTree(result.getResponse().getContentAsString());
    }

    private static void assertUnauthenticated(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains("UNAUTHENTICATED");
    }
}
