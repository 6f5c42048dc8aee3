package org.sscard.auth.saml;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.opensaml.saml.common.SAMLVersion;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.NameIDType;

/**
 * Everything the IdP checks about an AuthnRequest before anyone logs in, in order: SAML 2.0 with an ID and an
 * IssueInstant; RelayState at most 80 bytes; the Issuer is an SP registered in the relay; the signature verifies
 * with that SP's certificate; IssueInstant neither older than {@code request-max-age} nor in the future (both with
 * the clock skew); Destination, if given, is this IdP; the ACS (by URL, by index or the default) is one of the SP's
 * HTTP-POST ACS in its metadata; the response binding is HTTP-POST; the NameID format is one the IdP issues; not
 * passive; and the ID was never seen before from that SP (checked last, so a refused request burns no ID).
 */
class AuthnRequestCheck {

    private final SpDirectory sps;
    private final ExpiringStore<Boolean> seen;
    private final SamlProperties properties;
    private final Clock clock;

    AuthnRequestCheck(SpDirectory sps, ExpiringStore<Boolean> seen, SamlProperties properties, Clock clock) {
        this.sps = sps;
        this.seen = seen;
        this.properties = properties;
        this.clock = clock;
    }

    CheckedRequest check(InboundRequest inbound) {
        AuthnRequest request = inbound.request();
        require(
                SAMLVersion.VERSION_20.equals(request.getVersion())
                        && request.getID() != null
                        && request.getIssueInstant() != null,
                SsoRefusal.MALFORMED_REQUEST,
                "not a SAML 2.0 request");
        require(
                inbound.relayState() == null || inbound.relayState().getBytes(StandardCharsets.UTF_8).length <= 80,
                SsoRefusal.MALFORMED_REQUEST,
                "RelayState longer than 80 bytes");
        String issuer = request.getIssuer() == null ? null : request.getIssuer().getValue();
        ServiceProvider sp = (issuer == null ? java.util.Optional.<ServiceProvider>empty() : sps.byEntityId(issuer))
                .orElseThrow(() -> InboundRequest.refused(SsoRefusal.UNKNOWN_SP, "issuer not registered"));
        inbound.signature().verify(sp.signingCertificates());
        Instant now = clock.instant();
        Instant issued = request.getIssueInstant();
        require(
                !issued.isBefore(now.minus(properties.requestMaxAge()).minus(properties.clockSkew()))
                        && !issued.isAfter(now.plus(properties.clockSkew())),
                SsoRefusal.STALE_REQUEST,
                "IssueInstant");
        require(
                request.getDestination() == null || request.getDestination().equals(properties.ssoUrl()),
                SsoRefusal.WRONG_DESTINATION,
                "Destination");
        require(
                request.getProtocolBinding() == null
                        || SAMLConstants.SAML2_POST_BINDING_URI.equals(request.getProtocolBinding()),
                SsoRefusal.UNSUPPORTED_REQUEST,
                "response binding other than HTTP-POST");
        require(!Boolean.TRUE.equals(request.isPassive()), SsoRefusal.UNSUPPORTED_REQUEST, "IsPassive");
        String format = request.getNameIDPolicy() == null
                ? null
                : request.getNameIDPolicy().getFormat();
        require(
                format == null || format.equals(NameIDType.UNSPECIFIED) || format.equals(sp.nameIdFormat()),
                SsoRefusal.UNSUPPORTED_REQUEST,
                "NameID format");
        ServiceProvider.Acs acs = acs(request, sp);
        require(
                seen.putIfAbsent(
                        issuer + "\n" + request.getID(),
                        Boolean.TRUE,
                        issued.plus(properties.requestMaxAge())
                                .plus(properties.clockSkew())
                                .plusSeconds(1)),
                SsoRefusal.REPLAYED_REQUEST,
                "request ID seen before");
        return new CheckedRequest(
                sp,
                acs.location(),
                request.getID(),
                inbound.relayState(),
                Boolean.TRUE.equals(request.isForceAuthn()),
                now);
    }

    private static ServiceProvider.Acs acs(AuthnRequest request, ServiceProvider sp) {
        if (request.getAssertionConsumerServiceURL() != null) {
            return sp.byLocation(request.getAssertionConsumerServiceURL())
                    .orElseThrow(() ->
                            InboundRequest.refused(SsoRefusal.ACS_NOT_IN_METADATA, "ACS URL not in the SP's metadata"));
        }
        if (request.getAssertionConsumerServiceIndex() != null) {
            return sp.byIndex(request.getAssertionConsumerServiceIndex())
                    .orElseThrow(() -> InboundRequest.refused(
                            SsoRefusal.ACS_NOT_IN_METADATA, "ACS index not in the SP's metadata"));
        }
        return sp.defaultAcs();
    }

    private static void require(boolean condition, SsoRefusal refusal, String detail) {
        if (!condition) {
            throw InboundRequest.refused(refusal, detail);
        }
    }
}
