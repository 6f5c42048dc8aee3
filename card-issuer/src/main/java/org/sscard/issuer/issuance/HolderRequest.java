package org.sscard.issuer.issuance;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * Whom to certify: exactly one of a resident (by the 44-digit personal ID, in the body only, or by the relay's
 * opaque person ID, as the operators' console knows them) or a staff member (by the relay's staff ID). A platform service ({@code service}) is still read, only to be refused with 403: platform
 * identities are made by the platform's own bootstrap, never through the API.
 */
public record HolderRequest(
        String personalId,
        UUID personId,
        UUID staffId,
        @Valid PlatformService service) {

    /** A resident by the relay's opaque person ID. */
    public static HolderRequest person(UUID personId) {
        return new HolderRequest(null, personId, null, null);
    }

    /** A staff member by the relay's staff ID. */
    public static HolderRequest staff(UUID staffId) {
        return new HolderRequest(null, null, staffId, null);
    }

    public record PlatformService(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
            String name,

            List<@Pattern(regexp = "[A-Za-z0-9.-]{1,253}") String> dnsNames,
            List<@Pattern(regexp = "[0-9.:a-fA-F]{2,45}") @Size(max = 45) String> ipAddresses) {

        public PlatformService {
            dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
            ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
        }
    }

    int count() {
        return (personalId != null ? 1 : 0)
                + (personId != null ? 1 : 0)
                + (staffId != null ? 1 : 0)
                + (service != null ? 1 : 0);
    }
}
