package org.sscard.issuer.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sscard.common.pki.RevocationReason;
import org.sscard.issuer.issuance.HolderRequest;

/** Request and response bodies of the issuer API. The personal ID travels only in request bodies. */
public final class IssuerRequests {

    private IssuerRequests() {}

    /** The holder: one of {@code personalId}, {@code personId} (the relay's opaque ID) or {@code staffId}. */
    public record SoftCardRequest(
            @Pattern(regexp = "[a-z][a-z0-9-]{1,39}") String profile,
            String personalId,
            UUID personId,
            UUID staffId,
            @NotNull String pin,
            @Pattern(regexp = "[A-Za-z0-9-]{4,40}") String replacesCardSerial) {
        public HolderRequest holder() {
            return new HolderRequest(personalId, personId, staffId, null);
        }
    }

    public record CsrRequest(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
            String profile,

            String personalId,
            UUID personId,
            UUID staffId,
            @Valid HolderRequest.PlatformService service,
            @NotBlank String csr,
            @Pattern(regexp = "[A-Za-z0-9-]{4,40}") String cardSerial,
            @Pattern(regexp = "[A-Za-z0-9-]{4,40}") String replacesCardSerial) {
        public HolderRequest holder() {
            return new HolderRequest(personalId, personId, staffId, service);
        }
    }

    /** Revoke a card ({@code superseded}) and issue its holder a new soft card; {@code reason}: why, for the record. */
    public record ReissueRequest(
            @NotNull String pin, @NotBlank @Size(max = 200) String reason) {}

    public record RevokeRequest(@NotNull RevocationReason reason) {}

    public record SoftCardResponse(
            String cardSerial, String certificateSerial, String sha256, Instant notAfter, String pkcs12) {}

    public record CertificateResponse(
            String cardSerial,
            String certificateSerial,
            String sha256,
            Instant notAfter,
            String certificate,
            List<String> chain) {}
}
