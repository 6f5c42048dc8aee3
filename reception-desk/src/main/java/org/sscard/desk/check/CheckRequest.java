package org.sscard.desk.check;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * What the clerk asks with: the patient's card certificate (its DER), or the provisional SSN, the date of birth and
 * why the card is not used. Only the form is checked here; whether the card is valid and whose it is, auth-service
 * and the relay decide.
 */
public record CheckRequest(
        Method method, byte[] cardCertificate, String provisionalSsn, LocalDate dateOfBirth, Reason reason) {

    /** A certificate is a few KiB; a larger upload is not one. */
    public static final int MAX_CERTIFICATE_BYTES = 16 * 1024;

    /** A card certificate as uploaded or sent: PEM, DER, or (API) the DER in base64. */
    public static CheckRequest card(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidCheckException("cardCertificate", "no card certificate was given");
        }
        if (upload.length > MAX_CERTIFICATE_BYTES) {
            throw new InvalidCheckException("cardCertificate", "a card certificate is at most 16 KiB");
        }
        byte[] bytes = upload;
        String text = new String(upload, StandardCharsets.US_ASCII).strip();
        if (!text.startsWith("-----BEGIN") && text.matches("[A-Za-z0-9+/=\\s]+")) {
            try {
                bytes = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException notBase64) {
                // then it is DER or nothing: the parser says which
            }
        }
        return new CheckRequest(Method.CARD, der(bytes), null, null, null);
    }

    public static CheckRequest ssn(String provisionalSsn, String dateOfBirth, Reason reason, LocalDate today) {
        String ssn = provisionalSsn == null ? "" : provisionalSsn.replaceAll("[\\s-]", "");
        if (!ssn.matches("\\d{12}")) {
            throw new InvalidCheckException("provisionalSsn", "the provisional SSN is 12 digits");
        }
        LocalDate born;
        try {
            born = LocalDate.parse(dateOfBirth == null ? "" : dateOfBirth.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCheckException("dateOfBirth", "the date of birth is YYYY-MM-DD");
        }
        if (born.isAfter(today) || born.isBefore(LocalDate.of(1870, 1, 1))) {
            throw new InvalidCheckException("dateOfBirth", "the date of birth is not a possible date of birth");
        }
        if (reason == null) {
            throw new InvalidCheckException(
                    "reason", "say why the card is not used: CARD_UNREADABLE or CARD_FORGOTTEN");
        }
        return new CheckRequest(Method.SSN, null, ssn, born, reason);
    }

    /** The certificate's DER, standard base64 without PEM armour, as the grant takes it. */
    String cardCertificateBase64() {
        return Base64.getEncoder().encodeToString(cardCertificate);
    }

    private static byte[] der(byte[] bytes) {
        try {
            X509Certificate certificate = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes));
            return certificate.getEncoded();
        } catch (CertificateException | RuntimeException e) {
            throw new InvalidCheckException(
                    "cardCertificate", "this is not a certificate (a PEM or DER file of the patient's card)");
        }
    }

    @Override
    public String toString() {
        // never the SSN or the certificate (which may name the person) in a log line
        return "CheckRequest[" + method + (reason == null ? "" : ", " + reason) + "]";
    }
}
