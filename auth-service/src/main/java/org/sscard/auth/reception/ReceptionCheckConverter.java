package org.sscard.auth.reception;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a reception-check token request (RFC 6749 §4.5 extension grant) from the form; every parameter at most once.
 * Malformed input is {@code invalid_request} before anything is looked up.
 */
final class ReceptionCheckConverter implements AuthenticationConverter {

    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    /** Generous for any certificate the card issuer makes; a bound on what is parsed from the request. */
    private static final int MAX_CERTIFICATE_CHARS = 16_384;

    private static final Pattern SSN = Pattern.compile("[0-9]{12}");
    private static final Pattern PROVIDER_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    @Override
    public Authentication convert(HttpServletRequest request) {
        if (!ReceptionCheck.GRANT_TYPE.getValue().equals(request.getParameter("grant_type"))) {
            return null;
        }
        Authentication client = SecurityContextHolder.getContext().getAuthentication();
        String actorToken = required(request, "actor_token");
        if (!ACCESS_TOKEN_TYPE.equals(required(request, "actor_token_type"))) {
            throw invalid("actor_token_type must be " + ACCESS_TOKEN_TYPE);
        }
        PatientIdentification patient = switch (required(request, "method")) {
            case "card" -> new PatientIdentification.ByCard(certificate(required(request, "card_certificate")));
            case "ssn" -> bySsn(request);
            default -> throw invalid("method must be card or ssn");
        };
        String audience = optional(request, "audience");
        if (audience != null && !PROVIDER_KEY.matcher(audience).matches()) {
            throw invalid("audience must be an insurer's key");
        }
        return new ReceptionCheckRequest(client, actorToken, patient, audience);
    }

    private static PatientIdentification bySsn(HttpServletRequest request) {
        String ssn = required(request, "provisional_ssn");
        if (!SSN.matcher(ssn).matches()) {
            throw invalid("provisional_ssn must be 12 digits");
        }
        LocalDate dateOfBirth;
        try {
            dateOfBirth = LocalDate.parse(required(request, "date_of_birth"));
        } catch (DateTimeParseException e) {
            throw invalid("date_of_birth must be YYYY-MM-DD");
        }
        String reason = required(request, "reason");
        if (Arrays.stream(PatientIdentification.NoCardReason.values())
                .noneMatch(known -> known.name().equals(reason))) {
            throw invalid("reason must be CARD_UNREADABLE or CARD_FORGOTTEN");
        }
        return new PatientIdentification.BySsn(ssn, dateOfBirth, PatientIdentification.NoCardReason.valueOf(reason));
    }

    /** Standard base64 of the DER, no PEM armour. */
    private static X509Certificate certificate(String base64) {
        if (base64.length() > MAX_CERTIFICATE_CHARS) {
            throw invalid("card_certificate is too long");
        }
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw invalid("card_certificate must be the base64 of a DER certificate");
        }
    }

    private static String required(HttpServletRequest request, String name) {
        String value = optional(request, name);
        if (value == null) {
            throw invalid(name + " is required");
        }
        return value;
    }

    private static String optional(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) {
            return null;
        }
        if (values.length > 1) {
            throw invalid(name + " must be given once");
        }
        return values[0];
    }

    private static ReceptionRefusal invalid(String description) {
        return new ReceptionRefusal(ReceptionError.INVALID_REQUEST, description);
    }
}
