package org.sscard.issuer.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** All certificate profiles by name, from {@code sscard.issuer.profiles} (see profiles.yml). */
@ConfigurationProperties("sscard.issuer")
@Validated
public record ProfileProperties(@NotEmpty Map<String, @Valid CertificateProfile> profiles) {

    public CertificateProfile require(String name) {
        CertificateProfile profile = profiles.get(name);
        if (profile == null) {
            throw new IllegalArgumentException("no certificate profile '" + name + "'");
        }
        return profile;
    }
}
