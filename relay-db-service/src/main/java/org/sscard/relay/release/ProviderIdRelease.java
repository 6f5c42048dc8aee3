package org.sscard.relay.release;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sscard.common.provider.ProviderKey;
import org.sscard.common.web.CommonError;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.mapping.MappingService;

/**
 * A release's one question to the relay (auth-service, before it issues a pairwise token or a SAML assertion):
 * has the person joined the provider (an open subscription to one of its services, their consent), and what is the
 * provider's own ID for them today (the mapping)? One transaction, one access-log row: the issue itself
 * ({@code TOKEN_ISSUED}, {@code ASSERTION_ISSUED}) before the ID leaves, or {@code RELEASE_REFUSED} when the person
 * has not joined or the provider has no ID for them (the relay looked, and says so). An unknown person or provider
 * is refused without a row: nothing about a person was looked at.
 */
@Service
class ProviderIdRelease {

    private final ReleaseRepository releases;
    private final AccessLog accessLog;
    private final Clock clock;

    ProviderIdRelease(ReleaseRepository releases, AccessLog accessLog, Clock clock) {
        this.releases = releases;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The refusal, if any, is only thrown by {@link Outcome#orElseThrow()}: after its row was committed. */
    @Transactional
    Outcome release(ReleaseRequest request) {
        String provider = request.providerKey();
        if (!ProviderKey.isValid(provider)) {
            throw new RelayException(CommonError.INVALID_FIELD, "providerKey: not a provider key");
        }
        LocalDate today = LocalDate.now(clock.withZone(MappingService.JAPAN));
        ReleaseRepository.Facts facts = releases.facts(request.person(), provider, today)
                .orElseThrow(() -> new RelayException(RelayError.PERSON_NOT_FOUND, "no such person"));
        if (!facts.providerExists()) {
            throw new RelayException(RelayError.PROVIDER_NOT_FOUND, "no provider '" + provider + "'");
        }
        if (!facts.subscribed()) {
            return refused(facts, request, RelayError.SUBSCRIPTION_NOT_FOUND, "the person has not joined " + provider);
        }
        if (facts.localId() == null) {
            return refused(facts, request, RelayError.MAPPING_NOT_FOUND, provider + " has no ID for the person today");
        }
        accessLog.record(
                facts.personId(), request.issued().action(), request.issued().defaultPurpose(), provider);
        return new Outcome(new ReleaseView(provider, facts.localId()), null);
    }

    private Outcome refused(ReleaseRepository.Facts facts, ReleaseRequest request, RelayError error, String detail) {
        accessLog.record(
                facts.personId(),
                AccessAction.RELEASE_REFUSED,
                request.issued().defaultPurpose(),
                request.providerKey());
        return new Outcome(null, new RelayException(error, detail));
    }

    /** The provider's ID, or the refusal to answer once the transaction that logged it has committed. */
    record Outcome(ReleaseView released, RelayException refusal) {

        ReleaseView orElseThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return released;
        }
    }
}
