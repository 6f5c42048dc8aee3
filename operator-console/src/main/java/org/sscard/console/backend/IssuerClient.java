package org.sscard.console.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.sscard.console.config.ConsoleProperties;

/**
 * card-issuer, with an operator token for {@code card-issuer}: soft cards, suspend, resume and revoke by certificate
 * serial, reissue by card serial, and enrolment codes for token cards. The PIN goes in the request body only, once.
 */
@Component
public class IssuerClient {

    static final Pattern CERTIFICATE_SERIAL = Pattern.compile("[0-9a-fA-F]{1,64}");
    static final Pattern CARD_SERIAL = Pattern.compile("[A-Za-z0-9-]{4,40}");

    private final BackendHttp http;
    private final String issuer;

    IssuerClient(BackendHttp http, ConsoleProperties console) {
        this.http = http;
        this.issuer = console.issuerBase();
    }

    public IssuedCard softCard(Acting acting, UUID personId, String pin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personId", personId);
        body.put("pin", pin);
        return issued(
                http.json(acting, Audiences.CARD_ISSUER, "POST", uri("/api/v1/cards/soft"), body, JsonNode.class));
    }

    /** Revokes {@code cardSerial} as superseded and issues its successor for the same person, in one go. */
    public IssuedCard reissue(Acting acting, String cardSerial, String pin, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pin", pin);
        body.put("reason", reason);
        return issued(http.json(
                acting,
                Audiences.CARD_ISSUER,
                "POST",
                uri("/api/v1/cards/" + checked(CARD_SERIAL, cardSerial) + "/reissue"),
                body,
                JsonNode.class));
    }

    /** Puts the certificate on hold ({@code certificateHold}); answers the certificate's new status. */
    public String suspend(Acting acting, String certificateSerial) {
        return status(acting, certificateSerial, "suspend", null);
    }

    public String resume(Acting acting, String certificateSerial) {
        return status(acting, certificateSerial, "resume", null);
    }

    /** {@code reason}: an RFC 5280 CRLReason name ({@code keyCompromise}, {@code cessationOfOperation}). */
    public String revoke(Acting acting, String certificateSerial, String reason) {
        return status(acting, certificateSerial, "revoke", Map.of("reason", reason));
    }

    public EnrolmentCode enrolmentCode(Acting acting, UUID personId) {
        return http.json(
                acting,
                Audiences.CARD_ISSUER,
                "POST",
                uri("/api/v1/enrolment-codes"),
                Map.of("personId", personId),
                EnrolmentCode.class);
    }

    private String status(Acting acting, String certificateSerial, String change, Object body) {
        JsonNode certificate = http.json(
                acting,
                Audiences.CARD_ISSUER,
                "POST",
                uri("/api/v1/certificates/" + checked(CERTIFICATE_SERIAL, certificateSerial) + "/" + change),
                body,
                JsonNode.class);
        return certificate == null ? null : certificate.path("status").asText(null);
    }

    private static IssuedCard issued(JsonNode answer) {
        String pkcs12 = answer.path("pkcs12").asText("");
        if (pkcs12.isEmpty()) {
            throw new BackendUnavailableException(Audiences.CARD_ISSUER, "no PKCS#12 in the answer");
        }
        String notAfter = answer.path("notAfter").asText(null);
        return new IssuedCard(
                answer.path("cardSerial").asText(null),
                answer.path("certificateSerial").asText(null),
                notAfter == null ? null : Instant.parse(notAfter),
                Base64.getDecoder().decode(pkcs12));
    }

    private static String checked(Pattern pattern, String value) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("not a serial: " + value);
        }
        return value;
    }

    private URI uri(String path) {
        return URI.create(issuer + path);
    }
}
