package org.sscard.issuer.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sscard.issuer.issuance.SoftCard;
import org.sscard.issuer.support.Certificates;
import org.sscard.issuer.support.IssuerApiTest;

/**
 * The JDK's own PKIX validation, as auth-service will use it: it finds the OCSP responder and the CRL in the
 * card's certificate, sends short OCSP requests as GET (RFC 6960 appendix A, base64 URL-encoded, so '/' is %2F)
 * and checks that the delegated responder is authorised by the card's issuer.
 */
class JdkRevocationCheckTest extends IssuerApiTest {

    private static final String PIN = "1357";

    @Test
    void ocspCheckAcceptsAGoodCardRejectsAHeldOneAndAcceptsItAgainAfterResume() throws Exception {
        JsonNode card = newSoftCard(PIN);
        String cardSerial = card.path("cardSerial").asText();

        validate(card, PKIXRevocationChecker.Option.NO_FALLBACK);

        issuer("POST", "/api/v1/cards/" + cardSerial + "/suspend", null);
        assertThatThrownBy(() -> validate(card, PKIXRevocationChecker.Option.NO_FALLBACK))
                .isInstanceOf(CertPathValidatorException.class)
                .satisfies(e -> assertThat(((CertPathValidatorException) e).getReason())
                        .isEqualTo(CertPathValidatorException.BasicReason.REVOKED))
                .hasMessageContaining("CERTIFICATE_HOLD");

        issuer("POST", "/api/v1/cards/" + cardSerial + "/resume", null);
        validate(card, PKIXRevocationChecker.Option.NO_FALLBACK);
    }

    @Test
    void crlCheckRejectsARevokedCard() throws Exception {
        JsonNode card = newSoftCard(PIN);
        issuer(
                "POST",
                "/api/v1/cards/" + card.path("cardSerial").asText() + "/revoke",
                Map.of("reason", "keyCompromise"));

        assertThatThrownBy(() -> validate(
                        card, PKIXRevocationChecker.Option.PREFER_CRLS, PKIXRevocationChecker.Option.NO_FALLBACK))
                .isInstanceOf(CertPathValidatorException.class)
                .hasMessageContaining("KEY_COMPROMISE");
    }

    private void validate(JsonNode card, PKIXRevocationChecker.Option... options) throws Exception {
        X509Certificate[] chain = java.util.Arrays.stream(
                        Certificates.softCard(card.path("pkcs12").asText(), PIN).getCertificateChain(SoftCard.ALIAS))
                .map(X509Certificate.class::cast)
                .toArray(X509Certificate[]::new);
        CertPathValidator validator = CertPathValidator.getInstance("PKIX");
        PKIXRevocationChecker checker = (PKIXRevocationChecker) validator.getRevocationChecker();
        EnumSet<PKIXRevocationChecker.Option> chosen = EnumSet.of(PKIXRevocationChecker.Option.ONLY_END_ENTITY);
        chosen.addAll(List.of(options));
        checker.setOptions(chosen);
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(chain[2], null)));
        parameters.addCertPathChecker(checker);
        validator.validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain[0], chain[1])), parameters);
    }
}
