package org.sscard.common.id;

import java.util.Objects;

/**
 * A validated 44-digit personal ID. Obtain one from {@link PersonalIdFormat#parse} or
 * {@link PersonalIdFormat#generate}. {@link #toString()} never shows the digits, so the ID cannot leak into logs
 * by accident; {@link #digits()} is the one deliberate way to read it (certificates, request bodies, the database).
 */
public final class PersonalId {

    private final String digits;

    PersonalId(String digits) {
        this.digits = digits;
    }

    /** Parses with the standard format (Kamogawa). */
    public static PersonalId parse(String value) {
        return PersonalIdFormat.standard().parse(value);
    }

    public String digits() {
        return digits;
    }

    public String version() {
        return digits.substring(0, 2);
    }

    public MunicipalityCode municipality() {
        return new MunicipalityCode(digits.substring(2, 8));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PersonalId that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    @Override
    public String toString() {
        return "PersonalId[" + version() + "-" + municipality().code() + "-***]";
    }
}
