package org.sscard.console.audit;

/**
 * {@code ASKED}: written before the back end is asked (no row, no call); then {@code DONE}, {@code REFUSED} (the back
 * end said no: its problem code) or {@code FAILED} (unreachable, failing, or the operator's login no longer valid).
 */
enum Outcome {
    ASKED,
    DONE,
    REFUSED,
    FAILED
}
