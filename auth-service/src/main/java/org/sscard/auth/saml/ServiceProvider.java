package org.sscard.auth.saml;

import java.security.cert.X509Certificate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A SAML SP as registered in the relay: its provider key and entity ID, its assertion consumer services on the
 * HTTP-POST binding, the certificates it signs AuthnRequests with, and the NameID format it asks for in its metadata
 * (persistent or unspecified), and whether its registration asks for unsolicited (IdP-initiated) Responses: an
 * entity attribute {@value #UNSOLICITED_SSO} = {@code true} in its metadata. Without it the IdP answers only the SP's
 * own AuthnRequests, so a Response is always bound to a request of the browser that carries it (no login CSRF).
 * {@code backChannelLogoutUrl}: its SingleLogoutService on the SOAP binding, where the IdP ends the SP's sessions
 * when the IdP's session ends (null: it has none).
 */
record ServiceProvider(
        String providerKey,
        String entityId,
        List<Acs> acs,
        List<X509Certificate> signingCertificates,
        String nameIdFormat,
        boolean unsolicitedSso,
        String backChannelLogoutUrl) {

    /** The entity attribute (SAML metadata attribute extension) by which an SP asks for IdP-initiated SSO. */
    static final String UNSOLICITED_SSO = "urn:sscard:saml:unsolicited-sso";

    /** One HTTP-POST assertion consumer service. */
    record Acs(String location, Integer index, boolean isDefault) {}

    Optional<Acs> byLocation(String location) {
        return acs.stream().filter(a -> a.location().equals(location)).findFirst();
    }

    Optional<Acs> byIndex(int index) {
        return acs.stream().filter(a -> a.index() != null && a.index() == index).findFirst();
    }

    /** The default ACS: marked isDefault, else the lowest index, else the first (SAML metadata §2.2.3). */
    Acs defaultAcs() {
        return acs.stream()
                .filter(Acs::isDefault)
                .findFirst()
                .orElseGet(() -> acs.stream()
                        .min(Comparator.comparing(a -> a.index() == null ? Integer.MAX_VALUE : a.index()))
                        .orElseThrow());
    }
}
