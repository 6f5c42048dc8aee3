package org.sscard.adapters.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sscard.adapters.support.AdaptersTest;
import org.sscard.adapters.support.Http;
import org.sscard.adapters.support.Tokens;

/**
 * An insurer's own administrator imports through the operators' console (an operator token, aud = the insurer):
 * for their own insurer only, recorded as {@code staff:<id>}; nobody else's operator token imports anything.
 */
class OperatorImportTest extends AdaptersTest {

    private static final String CONSOLE = "operator-console";
    private static final String KENPO_IMPORT = "/kameda-kenpo/api/v1/imports/notices?fileName=console.csv";
    private static final String NHI_IMPORT = "/kamogawa-nhi/api/v1/imports/notices?fileName=console.csv";
    private static final String HEADER =
            "insurer_number,symbol,number,branch,month,institution,care_type,days,total_cost,own_share\n";

    @Test
    void anInsurerAdministratorImportsForTheirOwnInsurerRecordedAsTheStaffMember() {
        String staff = UUID.randomUUID().toString();
        String token = Tokens.operator(CONSOLE, "kameda-kenpo", staff, "INSURER_ADMIN", "kameda-kenpo");

        Http.Response imported = Http.post(port, KENPO_IMPORT, token, kenpoNotice("9401"));

        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("status").asText()).isEqualTo("IMPORTED");
        assertThat(jdbc.sql("SELECT imported_by FROM kameda_kenpo.import_file WHERE sha256 = :sha")
                        .param("sha", imported.json().path("sha256").asText())
                        .query(String.class)
                        .single())
                .isEqualTo("staff:" + staff);
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM kameda_kenpo.access_log WHERE local_id = '06139999|10|9401|00'")
                        .query(String.class)
                        .list())
                .containsExactly("staff:" + staff);
    }

    @Test
    void refusesAnInsurerAdministratorForAnotherInsurer() {
        String kenpoAdmin = UUID.randomUUID().toString();

        // addressed to the other insurer: the token check passes, the administrator does not administer it
        Http.Response response = Http.post(
                port,
                NHI_IMPORT,
                Tokens.operator(CONSOLE, "kamogawa-nhi", kenpoAdmin, "INSURER_ADMIN", "kameda-kenpo"),
                nhiNotice("9402"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(count("SELECT count(*) FROM kamogawa_nhi.notice WHERE local_id LIKE '%|9402|%'"))
                .isZero();
    }

    @Test
    void refusesAnotherInsurersAdministratorAndTheCityAdministrator() {
        String nhiAdmin =
                Tokens.operator(CONSOLE, "kameda-kenpo", UUID.randomUUID().toString(), "INSURER_ADMIN", "kamogawa-nhi");
        String cityAdmin =
                Tokens.operator(CONSOLE, "kameda-kenpo", UUID.randomUUID().toString(), "CITY_ADMIN", "city");

        assertThat(Http.post(port, KENPO_IMPORT, nhiAdmin, kenpoNotice("9403")).status())
                .isEqualTo(403);
        assertThat(Http.post(port, KENPO_IMPORT, cityAdmin, kenpoNotice("9403")).status())
                .isEqualTo(403);
        assertThat(count("SELECT count(*) FROM kameda_kenpo.notice WHERE local_id LIKE '%|9403|%'"))
                .isZero();
    }

    @Test
    void refusesAnOperatorTokenOfAClientThatIsNotAnOperatorClient() {
        String desk = Tokens.operator(
                "reception-desk", "kameda-kenpo", UUID.randomUUID().toString(), "INSURER_ADMIN", "kameda-kenpo");

        assertThat(Http.post(port, KENPO_IMPORT, desk, kenpoNotice("9404")).status())
                .isEqualTo(403);
    }

    @Test
    void anInsurerAdministratorsOperatorTokenReadsNoPersonsData() {
        String token =
                Tokens.operator(CONSOLE, "kameda-kenpo", UUID.randomUUID().toString(), "INSURER_ADMIN", "kameda-kenpo");

        Http.Response response = Http.get(port, "/kameda-kenpo/api/v1/eligibility", token);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("code").asText()).isEqualTo("FORBIDDEN");
    }

    private static byte[] kenpoNotice(String number) {
        return (HEADER + "06139999,10," + number + ",00,2024-06,鴨川中央薬局,調剤,3,22800,6840\n").getBytes(UTF_8);
    }

    private static byte[] nhiNotice(String number) {
        return (HEADER + "122382,鴨川," + number + ",00,2024-04,亀田総合病院,外来,2,12000,3600\n").getBytes(UTF_8);
    }
}
