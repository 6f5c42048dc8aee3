package org.sscard.common.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SettledFloorTest {

    @Test
    void risesOnlyAfterEveryTransactionActiveAtTheProposalHasEndedAndASearchFollowed() {
        SettledFloor floor = new SettledFloor();
        floor.propose(10, Set.of("3/7", "4/9"));

        floor.observe(Set.of("4/9", "5/1"));
        floor.settle();
        assertThat(floor.floor()).as("4/9 may still commit a row below 10").isZero();

        floor.observe(Set.of("5/1"));
        assertThat(floor.floor()).as("not before a search after that").isZero();
        floor.settle();
        assertThat(floor.floor()).isEqualTo(10);
        assertThat(floor.hasProposal()).isFalse();
    }

    @Test
    void keepsItsFirstProposalUntilSettledAndStartsOverOnReset() {
        SettledFloor floor = new SettledFloor();
        floor.propose(10, Set.of());
        floor.propose(20, Set.of());
        floor.observe(Set.of());
        floor.settle();
        assertThat(floor.floor()).isEqualTo(10);

        floor.reset();

        assertThat(floor.floor()).isZero();
        assertThat(floor.hasProposal()).isFalse();
    }
}
