package org.sscard.auth.saml;

import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sscard.auth.login.CardHolder;
import org.sscard.auth.login.LoginProfile;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayUnavailableException;

/**
 * Whether, and as whom, the logged-in person may be made known to the SP: a resident, with an open subscription to
 * the provider's services (their consent), and the provider's own ID for them valid today (the relay's mapping),
 * which becomes the NameID: one call to the relay, which also writes the person's access log before the assertion is
 * signed (no row, no assertion);
 * the log event {@code sscard.audit.saml} names the SP, the opaque subject and the request, never the NameID.
 */
class AssertionRelease {

    private static final Logger audit = LoggerFactory.getLogger("sscard.audit.saml");

    private final RelayDirectory relay;
    private final SignedResponses responses;

    AssertionRelease(RelayDirectory relay, SignedResponses responses) {
        this.relay = relay;
        this.responses = responses;
    }

    /** What was released: the signed Response (XML) and the NameID in it (the provider's own ID for the person). */
    record Released(String xml, String nameId) {}

    /** The signed Response for the SP, or {@link SsoRefusedException}. */
    Released release(CheckedRequest to, CardHolder holder, Instant authnInstant, String sessionIndex) {
        String provider = to.sp().providerKey();
        try {
            if (holder.profile() != LoginProfile.RESIDENT) {
                throw refused(SsoRefusal.NOT_A_RESIDENT, to, holder);
            }
            UUID person = UUID.fromString(holder.subject());
            // one call: consent, the provider's ID and the resident's access-log row, before the assertion is even
            // signed (no record, no assertion)
            String nameId = relay.releaseForAssertion(person, provider)
                    .providerLocalIdOrElseThrow(refusal -> switch (refusal) {
                        case NOT_JOINED -> refused(SsoRefusal.NO_CONSENT, to, holder);
                        case NO_MAPPING -> refused(SsoRefusal.NO_MAPPING, to, holder);
                    });
            String response = responses.issue(to, nameId, authnInstant, sessionIndex);
            audit.atInfo()
                    .setMessage("SAML assertion issued")
                    .addKeyValue("event.action", "saml-assertion")
                    .addKeyValue("event.outcome", "success")
                    .addKeyValue("sscard.saml.sp", provider)
                    .addKeyValue("sscard.saml.in_response_to", to.inResponseTo())
                    .addKeyValue("sscard.saml.subject", holder.subject())
                    .log();
            return new Released(response, nameId);
        } catch (RelayUnavailableException e) {
            throw refused(SsoRefusal.RELAY_UNAVAILABLE, to, holder);
        }
    }

    private static SsoRefusedException refused(SsoRefusal refusal, CheckedRequest to, CardHolder holder) {
        audit.atWarn()
                .setMessage("SAML assertion refused: " + refusal)
                .addKeyValue("event.action", "saml-assertion")
                .addKeyValue("event.outcome", "failure")
                .addKeyValue("event.reason", refusal.name())
                .addKeyValue("sscard.saml.sp", to.sp().providerKey())
                .addKeyValue("sscard.saml.subject", holder.subject())
                .log();
        return new SsoRefusedException(refusal, "no assertion for " + to.sp().providerKey());
    }
}
