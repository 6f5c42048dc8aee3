package org.sscard.common.provider;

import java.util.regex.Pattern;

/**
 * The stable slug that names a provider everywhere: gateway routes ({@code /p/{key}/}), token audiences, SAML
 * mappings, staff organisations. Lower-case letters, digits and hyphens, starting with a letter, 2-40 characters.
 */
public record ProviderKey(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /** The rule in words, for error messages. */
    public static final String RULE =
            "a provider key is 2-40 lower-case letters, digits or hyphens, starting with a letter";

    /** The organisation key of the city itself (staff of the city office), never a provider. */
    public static final String CITY = "city";

    public ProviderKey {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    public static boolean isValid(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
