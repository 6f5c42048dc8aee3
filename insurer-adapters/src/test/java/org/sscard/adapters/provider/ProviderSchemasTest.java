package org.sscard.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sscard.adapters.support.AdaptersTest;

class ProviderSchemasTest extends AdaptersTest {

    @Test
    void everyConfiguredProviderHasItsOwnSchemaMigratedByItsOwnFlyway() {
        // the insurers' migrations (db/insurer) and the pension office's (db/pension) each at their own latest: the
        // inter-insurer linkage (V31) is the insurers' only
        java.util.Map<String, String> latest = java.util.Map.of(
                "kamogawa_nhi", "31", "kameda_kenpo", "31", "minamiboso_nhi", "31", "pension_office", "30");
        for (java.util.Map.Entry<String, String> schema : latest.entrySet()) {
            assertThat(jdbc.sql("SELECT version FROM " + schema.getKey() + ".flyway_schema_history WHERE success"
                                    + " ORDER BY installed_rank DESC LIMIT 1")
                            .query(String.class)
                            .single())
                    .as(schema.getKey())
                    .isEqualTo(schema.getValue());
        }
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'pension_office'"
                        + " AND table_name IN ('dependant_verification', 'write_audit')"))
                .as("the pension office verifies no dependants")
                .isZero();
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'pension_office'"
                        + " AND table_name IN ('contribution', 'projection', 'access_log', 'import_file')"))
                .isEqualTo(4);
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'pension_office'"
                        + " AND table_name = 'notice'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"))
                .isZero();
    }

    @Test
    void accessLogOfEveryProviderIsAppendOnly() {
        for (String schema : List.of("kamogawa_nhi", "kameda_kenpo", "pension_office", "minamiboso_nhi")) {
            jdbc.sql("INSERT INTO " + schema + ".access_log (at, local_id, actor, action, purpose)"
                            + " VALUES (now(), 'append-only-test', 'test', 'READ', 'test')")
                    .update();

            assertThatThrownBy(() -> jdbc.sql("UPDATE " + schema + ".access_log SET purpose = 'rewritten'"
                                    + " WHERE local_id = 'append-only-test'")
                            .update())
                    .as(schema)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () -> jdbc.sql("DELETE FROM " + schema + ".access_log WHERE local_id = 'append-only-test'")
                                    .update())
                    .as(schema)
                    .hasMessageContaining("append-only");
            assertThatThrownBy(
                            () -> jdbc.sql("TRUNCATE " + schema + ".access_log").update())
                    .as(schema)
                    .hasMessageContaining("append-only");
            assertThat(count("SELECT count(*) FROM " + schema + ".access_log WHERE local_id = 'append-only-test'"))
                    .as(schema)
                    .isEqualTo(1);
        }
    }

    @Test
    void aProvidersOwnOperatorClientsReplaceTheGlobalOnes() {
        Provider own = new Provider(
                "d-nhi", ProviderKind.INSURER, "d_nhi", "D", "D", "122384", null, null, List.of("other-console"));
        Provider inherits = new Provider("e-nhi", ProviderKind.INSURER, "e_nhi", "E", "E", "122385", null, null, null);

        Providers providers =
                new Providers(new AdaptersProperties(List.of(own, inherits), null, List.of("operator-console")));

        assertThat(providers.operatorClients(own)).containsExactly("other-console");
        assertThat(providers.operatorClients(inherits)).containsExactly("operator-console");
    }

    @Test
    void refusesTwoProvidersSharingASchemaOrAKey() {
        Provider nhi = new Provider("a-nhi", ProviderKind.INSURER, "shared", "A", "A", "122382", null, null, null);
        Provider other = new Provider("b-nhi", ProviderKind.INSURER, "shared", "B", "B", "122383", null, null, null);

        assertThatThrownBy(() -> new Providers(new AdaptersProperties(List.of(nhi, other), null, null)))
                .hasMessageContaining("schema shared");
        assertThatThrownBy(() -> new Providers(new AdaptersProperties(List.of(nhi, nhi), null, null)))
                .hasMessageContaining("configured twice");
    }

    @Test
    void refusesAnInsurerWithoutItsInsurerNumber() {
        Provider insurer = new Provider("c-nhi", ProviderKind.INSURER, "c_nhi", "C", "C", null, null, null, null);

        assertThatThrownBy(() -> new Providers(new AdaptersProperties(List.of(insurer), null, null)))
                .hasMessageContaining("insurer-number");
    }
}
