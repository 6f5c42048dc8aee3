package org.sscard.relay.card;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import org.sscard.common.pki.RevocationReason;

public final class CardRequests {

    private CardRequests() {}

    public record RegisterCard(
            @NotNull @Pattern(regexp = "[A-Za-z0-9-]{4,40}") String cardSerial,

            @NotNull @Pattern(regexp = "[0-9a-fA-F]{1,64}", message = "the certificate serial in hex")
            String certificateSerial,

            @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "the SHA-256 fingerprint in hex (64 digits)")
            String certificateSha256,

            @NotNull Instant issuedAt,
            @NotNull Instant expiresAt) {}

    /** {@code personalId}: the one on the resident's certificate; absent for a staff token. In a body, never a URL. */
    public record LoginCheck(
            @NotNull @Pattern(regexp = "[0-9a-fA-F]{1,64}", message = "the certificate serial in hex")
            String certificateSerial,

            String personalId) {}

    public record ChangeCardStatus(@NotNull CardStatus status, RevocationReason reason) {}
}
