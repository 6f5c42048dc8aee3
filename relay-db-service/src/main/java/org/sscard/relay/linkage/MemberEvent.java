package org.sscard.relay.linkage;

import java.time.LocalDate;
import org.sscard.common.linkage.LinkageEvent;

/** A joiner or a leaver as an insurer pushed it, read and checked ({@link PushedBatch}). */
sealed interface MemberEvent {

    String MEMBER_JOINED = "MEMBER_JOINED";
    String MEMBER_LEFT = "MEMBER_LEFT";

    LinkageEvent event();

    /** The insurer's canonical local ID for the member ({@code insurer|symbol|number|branch}), the event's subject. */
    String localId();

    /** {@code provisionalSsn}: to find the candidate only; null when the insurer has none. */
    record Joined(LinkageEvent event, String localId, ProviderRecord record, String provisionalSsn)
            implements MemberEvent {}

    /** {@code lostOn}: 資格喪失日, the first day not covered; {@code reason}: null when none was given. */
    record Left(LinkageEvent event, String localId, LocalDate lostOn, String reason) implements MemberEvent {}
}
