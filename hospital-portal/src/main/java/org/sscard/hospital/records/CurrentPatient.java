package org.sscard.hospital.records;

import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.saml2.provider.service.authentication.Saml2Authentication;
import org.sscard.hospital.audit.Accessor;

/**
 * The only source of "whose records": the NameID of this session's SAML assertion, or the {@code sub} of the
 * pairwise token. Nothing in the URL, the query or any header can name a patient.
 */
record CurrentPatient(String patientNumber, Accessor accessor) {

    static final String PURPOSE_HEADER = "Sscard-Purpose";

    static CurrentPatient of(Authentication authentication, String purposeHeader) {
        if (authentication instanceof Saml2Authentication saml) {
            return new CurrentPatient(
                    saml.getName(),
                    new Accessor(
                            "patient",
                            null,
                            null,
                            "本人による閲覧 (the patient viewing their own records)",
                            Accessor.Channel.SAML));
        }
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String purpose =
                    purposeHeader == null || purposeHeader.isBlank() ? "本人による閲覧 (My Portal)" : purposeHeader.strip();
            purpose = purpose.length() > 200 ? purpose.substring(0, 200) : purpose;
            Object act = jwt.getClaims().get("act");
            if (act instanceof Map<?, ?> actor && actor.get("sub") != null) {
                return new CurrentPatient(
                        jwt.getSubject(),
                        new Accessor(
                                String.valueOf(actor.get("sub")),
                                string(actor.get("organisation")),
                                string(actor.get("role")),
                                purpose,
                                Accessor.Channel.API));
            }
            String client = jwt.getClaimAsString("client_id") != null
                    ? jwt.getClaimAsString("client_id")
                    : jwt.getClaimAsString("azp");
            return new CurrentPatient(
                    jwt.getSubject(),
                    new Accessor(
                            client == null ? "unknown-client" : client, null, null, purpose, Accessor.Channel.API));
        }
        throw new IllegalStateException(
                "no patient behind " + authentication.getClass().getSimpleName());
    }

    private static String string(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
