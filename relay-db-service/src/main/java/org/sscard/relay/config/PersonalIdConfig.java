package org.sscard.relay.config;

import jakarta.validation.constraints.NotEmpty;
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

/** Which municipalities' personal IDs this relay accepts (default: Kamogawa, 122238). */
@Configuration
@EnableConfigurationProperties(PersonalIdConfig.Municipalities.class)
class PersonalIdConfig {

    @Bean
    PersonalIdFormat personalIdFormat(Municipalities municipalities) {
        return new PersonalIdFormat(municipalities.municipalities().stream()
                .map(MunicipalityCode::new)
                .collect(Collectors.toSet()));
    }

    @ConfigurationProperties("sscard.personal-id")
    @Validated
    record Municipalities(@DefaultValue("122238") @NotEmpty List<String> municipalities) {}
}
