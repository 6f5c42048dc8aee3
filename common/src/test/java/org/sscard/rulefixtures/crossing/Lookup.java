package org.sscard.rulefixtures.crossing;

import org.sscard.rulefixtures.neighbour.NeighbourRecords;

/** Links another service's class instead of calling its API: what the rule must refuse. */
public class Lookup {

    public String find(String who) {
        return new NeighbourRecords().recordOf(who);
    }
}
