package org.sscard.hospital.importer;

/**
 * One bad element or attribute in an extract: where (line and column, the element's path), what (the attribute, if
 * one is at fault) and why.
 */
public record ImportError(int line, int column, String element, String attribute, String reason) {

    @Override
    public String toString() {
        return "line " + line + (column > 0 ? ":" + column : "") + " <" + element + ">"
                + (attribute == null ? "" : " @" + attribute) + ": " + reason;
    }
}
