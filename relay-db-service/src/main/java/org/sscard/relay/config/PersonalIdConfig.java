package org.sscard.relay.config;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;
import org.sscard.common.id.MunicipalityCode;
import org.sscard.common.id.PersonalIdFormat;

/**
 * Which municipalities' personal IDs this relay accepts (default: Kamogawa, 122238), and the one whose IDs it issues
 * itself when the city office registers a person without one ({@code issuing-municipality}, default 122238; it must
 * be one of the accepted, or the relay does not start).
 */
@Configuration
@EnableConfigurationProperties(PersonalIdConfig.Municipalities.class)
class PersonalIdConfig {

    @Bean
    PersonalIdFormat personalIdFormat(Municipalities municipalities) {
        return new PersonalIdFormat(municipalities.municipalities().stream()
                .map(MunicipalityCode::new)
                .collect(Collectors.toSet()));
    }

    @Bean
    PersonalIdIssuer personalIdIssuer(PersonalIdFormat format, Municipalities municipalities) {
        return new PersonalIdIssuer(format, new MunicipalityCode(municipalities.issuingMunicipality()));
    }

    @ConfigurationProperties("sscard.personal-id")
    @Validated
    record Municipalities(
            @DefaultValue("122238") @NotEmpty List<String> municipalities,
            @DefaultValue("122238") @NotNull String issuingMunicipality) {

        Municipalities {
            if (municipalities != null && !municipalities.contains(issuingMunicipality)) {
                throw new IllegalStateException("sscard.personal-id.issuing-municipality " + issuingMunicipality
                        + " is not one of sscard.personal-id.municipalities");
            }
        }
    }
}
