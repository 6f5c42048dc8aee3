package org.sscard.rulefixtures.neighbour;

public class NeighbourRecords {

    public String recordOf(String who) {
        return "record of " + who;
    }
}
