package org.sscard.auth.login;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The card-issuer's certificate policies for people (card-issuer profiles.yml): which profile and which role. */
final class CardPolicies {

    static final String ARC = "2.25.282948580063040574886034106954584755375";
    static final String RESIDENT_CARD = ARC + ".1.1";
    /** Staff policy → the role the relay's staff registry names it by (and the certificate's OU). */
    static final Map<String, String> STAFF_ROLES = Map.of(
            ARC + ".1.2", "RECEPTION_CLERK",
            ARC + ".1.3", "INSURER_ADMIN",
            ARC + ".1.4", "CITY_ADMIN",
            ARC + ".1.5", "HOSPITAL_ADMIN");

    private CardPolicies() {}

    /** The profile the certificate's policies put it in; empty if none or more than one applies. */
    static Optional<LoginProfile> profileOf(Set<String> policies) {
        boolean resident = policies.contains(RESIDENT_CARD);
        long staff = policies.stream().filter(STAFF_ROLES::containsKey).count();
        if (resident && staff == 0) {
            return Optional.of(LoginProfile.RESIDENT);
        }
        if (!resident && staff == 1) {
            return Optional.of(LoginProfile.STAFF);
        }
        return Optional.empty();
    }

    static String staffRole(Set<String> policies) {
        return policies.stream()
                .filter(STAFF_ROLES::containsKey)
                .map(STAFF_ROLES::get)
                .findFirst()
                .orElseThrow();
    }
}
