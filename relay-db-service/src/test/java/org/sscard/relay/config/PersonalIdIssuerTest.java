package org.sscard.relay.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalId;
import org.sscard.common.id.PersonalIdFormat;

class PersonalIdIssuerTest {

    private static final MunicipalityCode TATEYAMA = MunicipalityCode.ofFiveDigits("12205");

    @Test
    void issuesRandomIdsOfTheConfiguredMunicipalityThatParseByCommonsRules() {
        PersonalIdFormat format = new PersonalIdFormat(Set.of(MunicipalityCode.KAMOGAWA, TATEYAMA));
        PersonalIdIssuer issuer = new PersonalIdIssuer(format, TATEYAMA);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            PersonalId issued = issuer.issue();
            assertThat(format.parse(issued.digits())).isEqualTo(issued);
            assertThat(issued.municipality()).isEqualTo(TATEYAMA);
            assertThat(issued.version()).isEqualTo(PersonalIdFormat.CURRENT_VERSION);
            seen.add(issued.digits());
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void refusesToStartWithAnIssuingMunicipalityItDoesNotAccept() {
        PersonalIdFormat kamogawaOnly = new PersonalIdFormat(Set.of(MunicipalityCode.KAMOGAWA));
        assertThatThrownBy(() -> new PersonalIdIssuer(kamogawaOnly, TATEYAMA))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonalIdConfig.Municipalities(List.of("122238"), TATEYAMA.code()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("issuing-municipality");
    }
}
