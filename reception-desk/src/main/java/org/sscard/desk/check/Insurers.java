package org.sscard.desk.check;

/** The insurers' eligibility APIs; {@link InsurerClient} is the real one. */
interface Insurers {

    /** The person's eligibility at {@code insurer}, asked with the grant's token. Never throws. */
    InsurerAnswer eligibility(String insurer, String accessToken);
}
