package org.sscard.adapters.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sscard.adapters.support.AdaptersTest;

class ProviderSchemasTest extends AdaptersTest {

    @Test
    void everyConfiguredProviderHasItsOwnSchemaMigratedByItsOwnFlyway() {
        for (String schema : List.of("kamogawa_nhi", "kameda_kenpo", "pension_office", "minamiboso_nhi")) {
            assertThat(jdbc.sql("SELECT max(version) FROM " + schema + ".flyway_schema_history WHERE success")
                            .query(String.class)
                            .single())
                    .as(schema)
                    .isEqualTo("1");
        }
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
    void refusesTwoProvidersSharingASchemaOrAKey() {
        Provider nhi = new Provider("a-nhi", ProviderKind.INSURER, "shared", "A", "A", "122382", null, null);
        Provider other = new Provider("b-nhi", ProviderKind.INSURER, "shared", "B", "B", "122383", null, null);

        assertThatThrownBy(() -> new Providers(new AdaptersProperties(List.of(nhi, other), null)))
                .hasMessageContaining("schema shared");
        assertThatThrownBy(() -> new Providers(new AdaptersProperties(List.of(nhi, nhi), null)))
                .hasMessageContaining("configured twice");
    }

    @Test
    void refusesAnInsurerWithoutItsInsurerNumber() {
        Provider insurer = new Provider("c-nhi", ProviderKind.INSURER, "c_nhi", "C", "C", null, null, null);

        assertThatThrownBy(() -> new Providers(new AdaptersProperties(List.of(insurer), null)))
                .hasMessageContaining("insurer-number");
    }
}
