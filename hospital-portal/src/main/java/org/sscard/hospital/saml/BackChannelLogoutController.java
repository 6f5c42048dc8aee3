package org.sscard.hospital.saml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.Status;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.soap.soap11.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.hospital.config.HospitalProperties;

/**
 * Single logout from the platform IdP on the back channel (SAML SOAP binding, by hand): a LogoutRequest in a SOAP
 * 1.1 envelope, signed by the IdP (a certificate of its metadata), from the IdP, fresh, addressed to this endpoint,
 * naming a patient (NameID) and the IdP's session index. The matching sessions end ({@link SamlSessions}) and the
 * answer is a LogoutResponse signed with this SP's key, InResponseTo the request, status Success. Anything else gets
 * 400 and ends nothing. Public by design (the IdP calls it without a session); the signature is what counts.
 */
@RestController
class BackChannelLogoutController {

    static final int MAX_BODY = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutController.class);

    private final IdpMetadataSource idp;
    private final SamlSessions sessions;
    private final SpSigningKey signingKey;
    private final HospitalProperties properties;
    private final Clock clock;

    BackChannelLogoutController(
            IdpMetadataSource idp,
            SamlSessions sessions,
            SpSigningKey signingKey,
            HospitalProperties properties,
            Clock clock) {
        this.idp = idp;
        this.sessions = sessions;
        this.signingKey = signingKey;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(HospitalProperties.BACK_CHANNEL_LOGOUT)
    ResponseEntity<String> logout(@RequestBody(required = false) byte[] body) {
        LogoutRequest request;
        try {
            request = check(body);
        } catch (IllegalArgumentException refused) {
            log.atWarn()
                    .setMessage("SAML LogoutRequest refused: " + refused.getMessage())
                    .addKeyValue("event.action", "saml-logout")
                    .addKeyValue("event.outcome", "failure")
                    .log();
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("refused\n");
        }
        List<String> indexes =
                request.getSessionIndexes().stream().map(SessionIndex::getValue).toList();
        int ended = sessions.end(request.getNameID().getValue(), indexes);
        log.atInfo()
                .setMessage("SAML single logout from the IdP: " + ended + " session(s) ended")
                .addKeyValue("event.action", "saml-logout")
                .addKeyValue("event.outcome", "success")
                .addKeyValue("sscard.saml.request_id", request.getID())
                .log();
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_XML)
                .body(LogoutMessages.soapEnvelope(LogoutMessages.signed(response(request), signingKey)));
    }

    /** The LogoutRequest, or IllegalArgumentException saying why not. */
    LogoutRequest check(byte[] body) {
        require(body != null && body.length <= MAX_BODY, "no body, or too large");
        require(
                LogoutMessages.parse(body) instanceof Envelope envelope
                        && envelope.getBody() != null
                        && envelope.getBody().getUnknownXMLObjects().size() == 1
                        && envelope.getBody().getUnknownXMLObjects().get(0) instanceof LogoutRequest,
                "not a SOAP envelope holding one LogoutRequest");
        LogoutRequest request = (LogoutRequest) ((Envelope) LogoutMessages.parse(body))
                .getBody()
                .getUnknownXMLObjects()
                .get(0);
        IdpDescriptor trusted = idp.current().orElseThrow(() -> new IllegalArgumentException("no IdP metadata"));
        require(
                SAMLVersion.VERSION_20.equals(request.getVersion())
                        && request.getID() != null
                        && request.getIssueInstant() != null,
                "not SAML 2.0 with ID and IssueInstant");
        require(
                request.getIssuer() != null
                        && trusted.entityId().equals(request.getIssuer().getValue()),
                "the issuer is not the platform IdP");
        require(LogoutMessages.signedByOneOf(request, trusted.signingCertificates()), "not signed by the platform IdP");
        Instant now = clock.instant();
        Duration skew = properties.saml().clockSkew();
        require(
                !request.getIssueInstant().isAfter(now.plus(skew))
                        && !request.getIssueInstant()
                                .isBefore(now.minus(Duration.ofMinutes(5)).minus(skew)),
                "IssueInstant not fresh");
        require(
                request.getNotOnOrAfter() == null
                        || now.isBefore(request.getNotOnOrAfter().plus(skew)),
                "expired (NotOnOrAfter)");
        require(
                request.getDestination() == null || request.getDestination().equals(properties.backChannelLogoutUrl()),
                "addressed elsewhere (Destination)");
        require(request.getNameID() != null && request.getNameID().getValue() != null, "no NameID");
        return request;
    }

    private LogoutResponse response(LogoutRequest request) {
        LogoutResponse response = LogoutMessages.build(LogoutResponse.DEFAULT_ELEMENT_NAME);
        response.setID(LogoutMessages.newId());
        response.setIssueInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS));
        response.setInResponseTo(request.getID());
        Issuer issuer = LogoutMessages.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setValue(properties.entityId());
        response.setIssuer(issuer);
        StatusCode code = LogoutMessages.build(StatusCode.DEFAULT_ELEMENT_NAME);
        code.setValue(StatusCode.SUCCESS);
        Status status = LogoutMessages.build(Status.DEFAULT_ELEMENT_NAME);
        status.setStatusCode(code);
        response.setStatus(status);
        return response;
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new IllegalArgumentException(reason);
        }
    }
}
