package org.sscard.adapters.imports;

/** A CSV column: its header (English, or the Japanese one beside it), how it is read, and whether it may be empty. */
record Column(String name, String nameJa, Field field, boolean required) {

    static Column required(String name, String nameJa, Field field) {
        return new Column(name, nameJa, field, true);
    }

    static Column optional(String name, String nameJa, Field field) {
        return new Column(name, nameJa, field, false);
    }

    boolean matches(String header) {
        String normal = Text.normal(header);
        return name.equalsIgnoreCase(normal) || nameJa.equals(normal);
    }
}
