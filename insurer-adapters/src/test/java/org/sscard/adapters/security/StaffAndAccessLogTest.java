package org.sscard.adapters.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sscard.adapters.imports.ImportProgress;
import org.sscard.adapters.imports.Importer;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

class StaffAndAccessLogTest extends AdaptersTest {

    private static final String TARO = "122382|鴨川|9301|00";

    @Autowired
    Importer importer;

    @BeforeEach
    void notices() {
        importer.run(
                "kamogawa-nhi",
                "notices",
                csv(
                        UTF_8,
                        "insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share",
                        "122382,鴨川,9301,00,2024-04,亀田総合病院,外来,2,12000,3600"),
                "n.csv",
                null,
                "test",
                ImportProgress.NONE);
    }

    private List<String> actions(JsonNode log) {
        List<String> actions = new ArrayList<>();
        log.forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }

    @Test
    void staffOfThisProviderActForThePersonAndAreNamedInTheLog() {
        Http.Response notices = Http.get(
                port,
                "/kamogawa-nhi/api/v1/notices?year=2024",
                Tokens.staff(TARO, "kamogawa-nhi", "staff-0042", "kamogawa-nhi"));
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.json().path("ownShare").asLong()).isEqualTo(3600);

        JsonNode log = Http.get(port, "/kamogawa-nhi/api/v1/access-log", Tokens.person(TARO, "kamogawa-nhi"))
                .json();

        JsonNode staffRead = null;
        for (JsonNode entry : log) {
            if (entry.path("action").asText().equals("NOTICES_READ")
                    && entry.path("actor").asText().equals("staff-0042")) {
                staffRead = entry;
            }
        }
        assertThat(staffRead).isNotNull();
        assertThat(staffRead.path("actor").asText()).isEqualTo("staff-0042");
        assertThat(staffRead.path("organisation").asText()).isEqualTo("kamogawa-nhi");
        assertThat(staffRead.path("role").asText()).isEqualTo("CLERK");
        assertThat(staffRead.path("purpose").asText()).contains("staff");
        assertThat(staffRead.path("at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void aReceptionDeskTokenReadsTheEligibilityAndNothingElse() {
        String reception = Tokens.reception("122382|鴨川|9305|00", "kamogawa-nhi", "staff-0077", "kameda-hospital");

        Http.Response eligibility = Http.get(port, "/kamogawa-nhi/api/v1/eligibility", reception);
        // past the authorization: the answer is about the data (none imported for TARO here)
        assertThat(eligibility.status()).isEqualTo(404);
        assertThat(eligibility.json().path("code").asText()).isEqualTo("NO_RECORD");
        assertThat(Http.get(port, "/kamogawa-nhi/api/v1/notices?year=2024", reception)
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(port, "/kamogawa-nhi/api/v1/checkups", reception).status())
                .isEqualTo(403);
        assertThat(Http.get(port, "/kamogawa-nhi/api/v1/access-log", reception).status())
                .isEqualTo(403);
    }

    @Test
    void aReceptionDeskOfAHospitalTheInsurerDoesNotListIsRefused() {
        String reception = Tokens.reception("122382|鴨川|9305|00", "kamogawa-nhi", "staff-0078", "other-hospital");

        assertThat(Http.get(port, "/kamogawa-nhi/api/v1/eligibility", reception).status())
                .isEqualTo(403);
    }

    @Test
    void staffOfAnotherOrganisationAreRefused() {
        Http.Response response = Http.get(
                port, "/kamogawa-nhi/api/v1/notices", Tokens.staff(TARO, "kamogawa-nhi", "staff-0099", "kameda-kenpo"));

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void theAccessLogHoldsOnlyThePersonsOwnEntriesNewestFirst() {
        Http.get(port, "/kamogawa-nhi/api/v1/eligibility", Tokens.person("122382|鴨川|9302|00", "kamogawa-nhi"));
        Http.get(port, "/kamogawa-nhi/api/v1/notices", Tokens.person(TARO, "kamogawa-nhi"));

        Http.Response response = Http.get(port, "/kamogawa-nhi/api/v1/access-log", Tokens.person(TARO, "kamogawa-nhi"));

        assertThat(response.status()).isEqualTo(200);
        List<String> actions = actions(response.json());
        assertThat(actions.get(0)).isEqualTo("ACCESS_LOG_READ");
        assertThat(actions).contains("NOTICES_READ", "NOTICES_IMPORTED").doesNotContain("ELIGIBILITY_READ");
        assertThat(actions.indexOf("NOTICES_READ")).isLessThan(actions.lastIndexOf("NOTICES_IMPORTED"));
    }

    @Test
    void onlyThisProvidersOperatorsImportOverHttp() {
        byte[] file = ("insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share\n"
                        + "122382,鴨川,9303,00,2024-04,亀田総合病院,外来,2,12000,3600\n")
                .getBytes(UTF_8);
        String path = "/kamogawa-nhi/api/v1/imports/notices?fileName=city.csv";

        assertThat(Http.post(port, path, Tokens.person(TARO, "kamogawa-nhi"), file)
                        .status())
                .isEqualTo(403);
        assertThat(Http.post(port, path, Tokens.client("kameda-kenpo-admin", "kamogawa-nhi"), file)
                        .status())
                .isEqualTo(403);
        assertThat(Http.post(port, path, Tokens.client("city-office", "kameda-kenpo"), file)
                        .status())
                .isEqualTo(401);
        Http.Response imported = Http.post(port, path, Tokens.client("city-office", "kamogawa-nhi"), file);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().path("status").asText()).isEqualTo("IMPORTED");
        assertThat(Http.post(port, path, Tokens.client("city-office", "kamogawa-nhi"), file)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("UNCHANGED");
    }

    @Test
    void aPersonWhoseLocalIdSpellsAnOperatorCannotImport() {
        byte[] file = ("insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share\n"
                        + "122382,鴨川,9304,00,2024-04,亀田総合病院,外来,2,12000,3600\n")
                .getBytes(UTF_8);
        // a pairwise token whose sub (the person's ID here) is "city-office", exchanged by a client of that name
        String pairwise = org.sscard.testsupport.TestTokenIssuer.get()
                .mint("city-office", "kamogawa-nhi", c -> c.claim("gty", null));

        Http.Response response = Http.post(port, "/kamogawa-nhi/api/v1/imports/notices", pairwise, file);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void aRejectedHttpImportIsA422ProblemListingEveryBadValue() {
        byte[] file = ("insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share\n"
                        + "122382,鴨川,9304,00,2024-04,亀田総合病院,外来,2,12000,3600\n"
                        + "122382,鴨川,9304,00,2024-05,亀田総合病院,外来,40,12000,3600\n")
                .getBytes(UTF_8);

        Http.Response response = Http.post(
                port, "/kamogawa-nhi/api/v1/imports/notices", Tokens.client("city-office", "kamogawa-nhi"), file);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("code").asText()).isEqualTo("IMPORT_REJECTED");
        assertThat(response.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(response.json().path("errors").get(0).path("column").asText())
                .isEqualTo("days");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9304|%'"))
                .isZero();
    }
}
