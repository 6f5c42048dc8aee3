package org.sscard.relay.linkage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.sscard.common.linkage.Outbox;
import org.sscard.relay.audit.AccessAction;
import org.sscard.relay.audit.AccessLog;

/**
 * Tells an insurer when a member's previous coverage at another insurer ended ({@code PREVIOUS_COVERAGE_LOST}, what a
 * 資格喪失証明書 tells it): in its own feed, under its own local ID for the person, with the previous insurer's name and
 * the loss date and nothing else — never the previous insurer's local ID or number, the relay's person ID or anything
 * more about the person. The previous insurer is never told anything about the new coverage.
 */
@Component
class CoverageNotices {

    static final String PREVIOUS_COVERAGE_LOST = "PREVIOUS_COVERAGE_LOST";

    private final Outbox outbox;
    private final LinkageLog linkageLog;
    private final AccessLog accessLog;

    CoverageNotices(Outbox outbox, LinkageLog linkageLog, AccessLog accessLog) {
        this.outbox = outbox;
        this.linkageLog = linkageLog;
        this.accessLog = accessLog;
    }

    /** In the caller's transaction: the event, the linkage-log row and the access-log row on the person. */
    void tell(Receiver receiver, long personId, String previousNameJa, String previousNameEn, LocalDate lostOn) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("memberLocalId", receiver.localId());
        payload.put("previousInsurerNameJa", previousNameJa);
        payload.put("previousInsurerNameEn", previousNameEn);
        payload.put("lostOn", lostOn.toString());
        UUID eventId = outbox.append(receiver.providerKey(), PREVIOUS_COVERAGE_LOST, receiver.localId(), payload);
        linkageLog.sent(receiver.providerId(), eventId, PREVIOUS_COVERAGE_LOST, receiver.localId());
        accessLog.recordAs(
                personId,
                AccessAction.PREVIOUS_COVERAGE_SHARED,
                receiver.actingFor(),
                Linkage.PURPOSE,
                receiver.providerKey());
    }

    /** The insurer told, its own local ID for the person, and whom the access-log row names as acting. */
    record Receiver(long providerId, String providerKey, String localId, String actingFor) {}
}
