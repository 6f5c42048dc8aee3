package org.sscard.auth.saml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.saml.saml2.core.LogoutRequest;
import org.opensaml.saml.saml2.core.LogoutResponse;
import org.opensaml.saml.saml2.core.NameID;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.core.SessionIndex;
import org.opensaml.saml.saml2.core.StatusCode;
import org.opensaml.soap.soap11.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;

/**
 * Single logout from the IdP's side: when an IdP session ends — the portal's logout (OIDC RP-initiated logout at
 * auth-service), an SP's own logout, the idle or absolute timeout — every SP that received an assertion in it gets a
 * signed LogoutRequest (NameID, SessionIndex) on the back channel: the SAML SOAP binding, written by hand (a SOAP 1.1
 * envelope around the message, POSTed over TLS with the platform's trust). The SP must answer with a LogoutResponse
 * signed with a certificate of its metadata, from its entity ID, answering this request (InResponseTo), status
 * Success; anything else is logged as a failed logout. The back channel needs no browser: it works when the person
 * has already walked away from the kiosk, and before the browser reaches the "remove your card" page.
 */
class SingleLogout {

    static final String SOAP_ACTION = "http://www.oasis-open.org/committees/security";
    private static final Logger audit = LoggerFactory.getLogger("sscard.audit.saml");

    private final SpDirectory sps;
    private final SamlProperties properties;
    private final XmlSigner signer;
    private final Clock clock;
    private final Supplier<SSLContext> trust;
    private volatile HttpClient http;

    SingleLogout(
            SpDirectory sps, SamlProperties properties, XmlSigner signer, Supplier<SSLContext> trust, Clock clock) {
        this.sps = sps;
        this.properties = properties;
        this.signer = signer;
        this.trust = trust;
        this.clock = clock;
    }

    /** The outcome of one SP's logout, as logged. */
    enum Outcome {
        LOGGED_OUT,
        NO_BACK_CHANNEL,
        UNKNOWN_SP,
        UNREACHABLE,
        BAD_ANSWER
    }

    @EventListener
    void sessionEnded(HttpSessionDestroyedEvent event) {
        for (SessionParticipant participant : SessionParticipant.of(event.getSession())) {
            logOut(participant);
        }
    }

    Outcome logOut(SessionParticipant participant) {
        Outcome outcome = send(participant);
        audit.atInfo()
                .setMessage("SAML single logout: " + outcome)
                .addKeyValue("event.action", "saml-logout")
                .addKeyValue("event.outcome", outcome == Outcome.LOGGED_OUT ? "success" : "failure")
                .addKeyValue("event.reason", outcome.name())
                .addKeyValue("sscard.saml.sp", participant.providerKey())
                .addKeyValue("sscard.saml.session_index", participant.sessionIndex())
                .log();
        return outcome;
    }

    private Outcome send(SessionParticipant participant) {
        Optional<ServiceProvider> found = sps.byProviderKey(participant.providerKey());
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_SP;
        }
        ServiceProvider sp = found.get();
        if (sp.backChannelLogoutUrl() == null) {
            return Outcome.NO_BACK_CHANNEL;
        }
        LogoutRequest request = request(participant, sp);
        String xml = signer.signAndSerialize(request, new SignableSAMLObject[] {request});
        HttpResponse<byte[]> answer;
        try {
            answer = client().send(
                            HttpRequest.newBuilder(URI.create(sp.backChannelLogoutUrl()))
                                    .timeout(properties.logoutTimeout())
                                    .header("Content-Type", "text/xml; charset=utf-8")
                                    .header("SOAPAction", SOAP_ACTION)
                                    .POST(HttpRequest.BodyPublishers.ofString(envelope(xml), StandardCharsets.UTF_8))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | RuntimeException e) {
            return Outcome.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNREACHABLE;
        }
        if (answer.statusCode() != 200 || answer.body().length > PostBinding.MAX_ENCODED) {
            return Outcome.BAD_ANSWER;
        }
        return accepted(answer.body(), request, sp) ? Outcome.LOGGED_OUT : Outcome.BAD_ANSWER;
    }

    /** The SP's LogoutResponse: signed by the SP, from the SP, answering this request, Success. */
    static boolean accepted(byte[] soap, LogoutRequest request, ServiceProvider sp) {
        if (!(OpenSaml.parse(soap) instanceof Envelope envelope)
                || envelope.getBody() == null
                || envelope.getBody().getUnknownXMLObjects().size() != 1
                || !(envelope.getBody().getUnknownXMLObjects().get(0) instanceof LogoutResponse response)) {
            return false;
        }
        try {
            PostBinding.verifySignature(response, sp.signingCertificates());
        } catch (SsoRefusedException e) {
            return false;
        }
        return response.getIssuer() != null
                && sp.entityId().equals(response.getIssuer().getValue())
                && request.getID().equals(response.getInResponseTo())
                && response.getStatus() != null
                && response.getStatus().getStatusCode() != null
                && StatusCode.SUCCESS.equals(
                        response.getStatus().getStatusCode().getValue());
    }

    LogoutRequest request(SessionParticipant participant, ServiceProvider sp) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LogoutRequest request = OpenSaml.build(LogoutRequest.DEFAULT_ELEMENT_NAME);
        request.setID(XmlSigner.newId());
        request.setIssueInstant(now);
        request.setNotOnOrAfter(now.plus(properties.requestMaxAge()));
        request.setDestination(sp.backChannelLogoutUrl());
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setFormat(NameIDType.ENTITY);
        issuer.setValue(properties.entityId());
        request.setIssuer(issuer);
        NameID nameId = OpenSaml.build(NameID.DEFAULT_ELEMENT_NAME);
        nameId.setFormat(participant.nameIdFormat());
        nameId.setNameQualifier(properties.entityId());
        nameId.setSPNameQualifier(participant.spEntityId());
        nameId.setValue(participant.nameId());
        request.setNameID(nameId);
        SessionIndex index = OpenSaml.build(SessionIndex.DEFAULT_ELEMENT_NAME);
        index.setValue(participant.sessionIndex());
        request.getSessionIndexes().add(index);
        return request;
    }

    /** SAML SOAP binding §3.2: the message as the only child of a SOAP 1.1 Body. */
    static String envelope(String messageXml) {
        String message =
                messageXml.startsWith("<?xml") ? messageXml.substring(messageXml.indexOf("?>") + 2) : messageXml;
        return "<soap11:Envelope xmlns:soap11=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap11:Body>" + message
                + "</soap11:Body></soap11:Envelope>";
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(properties.logoutTimeout())
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(trust.get())
                    .build();
            http = client;
        }
        return client;
    }
}
