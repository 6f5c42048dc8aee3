package org.sscard.relay.linkage.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sscard.relay.error.RelayError;
import org.sscard.relay.error.RelayException;
import org.sscard.relay.linkage.FiveItems;
import org.sscard.relay.linkage.LinkagePersons;
import org.sscard.relay.linkage.ProviderRecord;
import org.sscard.relay.person.PersonStatus;

/**
 * What an administrator's LINK may override: only the spelling of the names and the address, the items a move or a
 * variant character explains. A date of birth or sex that differs (or is missing) points at another person, and a
 * resident no longer active may not be linked at all; both are checked against the person as they are now, so the
 * queue is never a way to link someone the gate would stop, or to probe the relay's record item by item.
 */
final class LinkOverride {

    private static final Set<String> OVERRIDABLE = Set.of(FiveItems.KANA_NAME, FiveItems.KANJI_NAME, FiveItems.ADDRESS);

    private LinkOverride() {}

    /** Throws DECISION_NOT_ALLOWED naming what may not be overridden, if anything. */
    static void check(ProviderRecord record, LinkagePersons.Candidate candidate) {
        List<String> blocking = new ArrayList<>(FiveItems.differences(record.fiveItems(), candidate.items()).stream()
                .filter(item -> !OVERRIDABLE.contains(item))
                .toList());
        if (candidate.status() != PersonStatus.ACTIVE) {
            blocking.add("PERSON_NOT_ACTIVE");
        }
        if (!blocking.isEmpty()) {
            throw new RelayException(
                    RelayError.DECISION_NOT_ALLOWED,
                    "生年月日・性別が一致しない記録、住民として有効でない方は結び付けられません（氏名の表記と住所のみ判断で結び付けられます）"
                            + " / LINK refused: " + String.join(", ", blocking)
                            + " — only the spelling of the names and the address may be overridden; reject the review");
        }
    }
}
