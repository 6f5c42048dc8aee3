package org.sscard.desk.check;

/** The two ways in: the patient's card certificate, or the provisional SSN with the date of birth. */
public enum Method {
    CARD,
    SSN
}
