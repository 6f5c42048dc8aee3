package org.sscard.auth.relay;

import java.util.function.Function;

/**
 * The relay's answer before a release: the provider's own ID for the person (a local number, or
 * {@code insurer|symbol|number|branch} for an insurance card), or why there is none. Either way the relay has
 * written the person's access log.
 */
public final class RelayRelease {

    /** Why the provider gets no ID: the person has not joined it (no consent), or it has no ID for them today. */
    public enum Refusal {
        NOT_JOINED,
        NO_MAPPING
    }

    private final String providerLocalId;
    private final Refusal refusal;

    private RelayRelease(String providerLocalId, Refusal refusal) {
        this.providerLocalId = providerLocalId;
        this.refusal = refusal;
    }

    static RelayRelease released(String providerLocalId) {
        return new RelayRelease(providerLocalId, null);
    }

    static RelayRelease refused(Refusal refusal) {
        return new RelayRelease(null, refusal);
    }

    /** The provider's ID for the person, or the exception {@code refused} makes of the refusal. */
    public <X extends RuntimeException> String providerLocalIdOrElseThrow(Function<Refusal, X> refused) {
        if (refusal != null) {
            throw refused.apply(refusal);
        }
        return providerLocalId;
    }
}
