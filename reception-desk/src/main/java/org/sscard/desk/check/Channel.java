package org.sscard.desk.check;

/** Where a check came from: the desk's pages or the API (the desk program, a hospital's front-desk software). */
public enum Channel {
    PAGE,
    API
}
