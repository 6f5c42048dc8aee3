package org.sscard.console.login;

import java.io.Serializable;
import java.util.Map;
import org.sscard.common.operator.Operator;
import org.sscard.common.provider.ProviderKey;

/**
 * The operator at the console, as the ID token of their staff card login says: {@code sub} (the staff UUID), name,
 * role and organisation. Only two combinations are an operator: {@code CITY_ADMIN} of the organisation {@code city},
 * and {@code INSURER_ADMIN} of a provider (its key). Everything else (a clerk, a hospital administrator, a resident
 * card, a role without its organisation) is no operator, and gets no permission here.
 */
public record Staff(
        String subject, String name, String nameKana, String role, String organisation, ConsoleRole consoleRole)
        implements Serializable {

    /** The operator a token names, or null when the token is none of an operator's staff login. */
    public static Staff fromClaims(Map<String, Object> claims) {
        if (!"staff".equals(text(claims, "login_profile"))) {
            return null;
        }
        String subject = text(claims, "sub");
        String role = text(claims, "role");
        String organisation = text(claims, "organisation");
        if (subject == null || role == null || organisation == null) {
            return null;
        }
        ConsoleRole consoleRole = null;
        if (Operator.CITY_ADMIN.equals(role) && Operator.CITY.equals(organisation)) {
            consoleRole = ConsoleRole.CITY;
        } else if (Operator.INSURER_ADMIN.equals(role)
                && !Operator.CITY.equals(organisation)
                && ProviderKey.isValid(organisation)) {
            consoleRole = ConsoleRole.INSURER;
        }
        if (consoleRole == null) {
            return null;
        }
        return new Staff(subject, text(claims, "name"), text(claims, "name_kana"), role, organisation, consoleRole);
    }

    public boolean isCity() {
        return consoleRole == ConsoleRole.CITY;
    }

    public boolean isInsurer() {
        return consoleRole == ConsoleRole.INSURER;
    }

    /** Whether this operator administers that insurer: its own administrator, and only for its own organisation. */
    public boolean administers(String providerKey) {
        return isInsurer() && organisation.equals(providerKey);
    }

    public String home() {
        return consoleRole.home(organisation);
    }

    /** What the pages show: the name, or the staff ID when the token carried no name. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : subject;
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value instanceof String text && !text.isBlank() ? text : null;
    }
}
