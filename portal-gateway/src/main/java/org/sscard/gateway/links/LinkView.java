package org.sscard.gateway.links;

import java.time.LocalDate;
import org.sscard.gateway.relay.RelayRecords.Dispute;
import org.sscard.gateway.relay.RelayRecords.Link;

/**
 * One link as the resident reads it on "linked services": its state in words (never the relay's code) and whether
 * they can still say "this is not me" (a link in use or ended; one under review or removed is past that).
 */
public record LinkView(Link link, State state, boolean restored, boolean disputable) {

    public enum State {
        /** Valid today, with no end known. */
        ACTIVE,
        /** Valid from a day still to come. */
        STARTS,
        /** Valid today, ending on {@code validTo}. */
        ENDS,
        /** Ended: {@code validTo} was its last day. */
        ENDED,
        /** The resident said "this is not me": stopped, the provider's administrator checks. */
        UNDER_REVIEW,
        /** The administrator confirmed it was not the resident's: removed for good. */
        NOT_YOURS,
        /** Removed otherwise. */
        REMOVED
    }

    static LinkView of(Link link, LocalDate today) {
        Dispute dispute = link.dispute();
        boolean restored = dispute != null && "REINSTATED".equals(dispute.status());
        return new LinkView(link, state(link, today), restored, link.is(Link.ACTIVE) || link.is(Link.ENDED));
    }

    private static State state(Link link, LocalDate today) {
        if (link.is(Link.SUSPENDED)) {
            return State.UNDER_REVIEW;
        }
        if (link.is(Link.REMOVED)) {
            return link.dispute() != null
                            && "CONFIRMED_NOT_THEIRS".equals(link.dispute().status())
                    ? State.NOT_YOURS
                    : State.REMOVED;
        }
        if (link.validTo() != null && link.validTo().isBefore(today)) {
            return State.ENDED;
        }
        if (link.validFrom() != null && link.validFrom().isAfter(today)) {
            return State.STARTS;
        }
        return link.validTo() != null ? State.ENDS : State.ACTIVE;
    }

    /** The state's message key: {@code links.state.<STATE>}. */
    public String stateKey() {
        return "links.state." + state.name();
    }

    public String linkedByKey() {
        String by = link.linkedBy();
        return "links.by." + ("AUTOMATIC".equals(by) || "REVIEWED".equals(by) ? by : "MANUAL");
    }

    public String typeKey() {
        String type = link.providerType();
        return "links.type."
                + ("INSURER".equals(type) || "PENSION".equals(type) || "HOSPITAL".equals(type) ? type : "OTHER");
    }
}
