package org.sscard.adapters.imports;

/** A row whose values are each fine but do not fit together (or do not fit this provider). */
class RowProblem extends Exception {

    final String column;

    RowProblem(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }
}
