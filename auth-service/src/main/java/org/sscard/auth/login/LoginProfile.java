package org.sscard.auth.login;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who logs in: a resident with their IC card, or a staff member with their token. Never one as the other. */
public enum LoginProfile {
    RESIDENT,
    STAFF;

    /** The path segment of this profile's login: {@code /login/card/resident}, {@code /login/card/staff}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LoginProfile> fromSlug(String slug) {
        return Arrays.stream(values()).filter(p -> p.slug().equals(slug)).findFirst();
    }
}
