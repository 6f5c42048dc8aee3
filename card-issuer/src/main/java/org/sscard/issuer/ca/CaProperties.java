package org.sscard.issuer.ca;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The municipal CA: its names, key sizes, lifetimes, where it publishes, and where its keys live. */
@ConfigurationProperties("sscard.issuer.ca")
@Validated
public record CaProperties(
        @DefaultValue("鴨川市社会保障カード認証局") @NotBlank String name,
        @DefaultValue("鴨川市") @NotBlank String organisation,
        @DefaultValue("JP") @NotBlank String country,
        @DefaultValue("P20Y") Period rootValidity,
        @DefaultValue("P10Y") Period issuingValidity,
        @DefaultValue("3072") @Min(2048) int rootKeySize,
        @DefaultValue("2048") @Min(2048) int issuingKeySize,
        /** Base URL of this service as relying parties reach it: CRL, OCSP and CA certificate URLs derive from it. */
        @NotNull URI publicUrl,
        @DefaultValue("PT24H") Duration crlValidity,
        @DefaultValue("PT1H") Duration crlRefresh,
        @DefaultValue("PT5M") Duration ocspValidity,
        @DefaultValue("PKCS12") KeyStoreType keyStore,
        @DefaultValue Pkcs11 pkcs11) {

    public enum KeyStoreType {
        PKCS12,
        PKCS11
    }

    /** The HSM: a PKCS#11 library, a slot, and a file holding the user PIN (never in configuration). */
    public record Pkcs11(
            @DefaultValue("/usr/lib/softhsm/libsofthsm2.so") Path library,
            @DefaultValue("0") int slotListIndex,
            Path pinFile) {}

    public String crlUrl(String issuer) {
        return publicUrl.resolve("/crl/" + issuer + ".crl").toString();
    }

    public String ocspUrl() {
        return publicUrl.resolve("/ocsp").toString();
    }

    public String caCertificateUrl(String alias) {
        return publicUrl.resolve("/ca/" + alias + ".cer").toString();
    }
}
