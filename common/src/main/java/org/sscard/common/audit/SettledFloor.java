package org.sscard.common.audit;

import java.util.Collections;
import java.util.Set;

/**
 * Up to which id one audit table is settled for the chainer: every row with an id at or below the floor is linked
 * or will never commit, so the search for unlinked rows starts above it instead of at the table's first row.
 *
 * <p>Why it is safe: ids come from the table's identity sequence, in the order the inserting transactions ask for
 * them, and every transaction holds the lock on its virtual transaction ID from its first statement to its end. A
 * row with an id below the highest id a statement sees, but invisible to it, was inserted by a transaction that
 * started before that statement. So: the chainer notes that highest id ({@link #propose}), then the virtual
 * transaction IDs active at that moment; once none of those is active any more ({@link #observe}), every such row has
 * committed (visible to every later statement) or never will, and after one more search that found everything above
 * the old floor ({@link #settle}) the floor moves up. In-memory and per instance: a new instance starts at 0 (one
 * full search), and a wrong floor could only delay a link, never add one.
 */
final class SettledFloor {

    private long floor;
    private long proposedHigh;
    private Set<String> waitingFor;
    private boolean drained;

    long floor() {
        return floor;
    }

    boolean hasProposal() {
        return waitingFor != null;
    }

    /** After a statement saw {@code high} as the highest id, with {@code active} read after that statement. */
    void propose(long high, Set<String> active) {
        if (waitingFor == null && high > floor) {
            proposedHigh = high;
            waitingFor = Set.copyOf(active);
            drained = false;
        }
    }

    /** At the start of a pass, with the virtual transaction IDs active before its searches. */
    void observe(Set<String> active) {
        if (waitingFor != null && !drained && Collections.disjoint(waitingFor, active)) {
            drained = true;
        }
    }

    /** After a pass that observed first and then found every unlinked row above the floor (and committed). */
    void settle() {
        if (waitingFor != null && drained) {
            floor = Math.max(floor, proposedHigh);
            waitingFor = null;
        }
    }

    /** Back to a full search (the chainer does one now and then, whatever the reasoning above says). */
    void reset() {
        floor = 0;
        waitingFor = null;
    }
}
