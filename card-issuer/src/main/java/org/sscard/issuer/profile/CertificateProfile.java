package org.sscard.issuer.profile;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A certificate profile, as data (card-issuer's {@code profiles.yml}): what a certificate of this kind contains.
 * Key usages and extended key usages are named as in RFC 5280 (digitalSignature, clientAuth, OCSPSigning, ...).
 */
public record CertificateProfile(
        @NotNull SubjectKind subject,
        @NotNull Period validity,
        @NotNull @Pattern(regexp = "RSA|EC") String keyAlgorithm,
        @Min(256) int keySize,
        @NotEmpty List<@NotNull KeyUsageName> keyUsage,
        @NotEmpty List<@NotNull ExtendedKeyUsageName> extendedKeyUsage,
        @DefaultValue List<@Pattern(regexp = "[0-2](\\.\\d+)+") String> policies,
        @DefaultValue("true") boolean crlDistributionPoint,
        @DefaultValue("true") boolean ocspLocation,
        @DefaultValue("false") boolean ocspNoCheck,
        /** For STAFF profiles: the role this profile certifies (RECEPTION_CLERK, INSURER_ADMIN, CITY_ADMIN). */
        String staffRole) {

    public enum KeyUsageName {
        digitalSignature,
        nonRepudiation,
        keyEncipherment,
        dataEncipherment,
        keyAgreement
    }

    public enum ExtendedKeyUsageName {
        clientAuth,
        serverAuth,
        OCSPSigning
    }
}
