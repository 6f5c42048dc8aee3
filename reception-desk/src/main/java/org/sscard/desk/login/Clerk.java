package org.sscard.desk.login;

import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.sscard.common.provider.ProviderKey;

/**
 * The staff member at the desk, as auth-service's token says (ID token for the pages, access token for the API):
 * {@code sub} (the staff UUID), name, role and organisation. Only a staff card login ({@code login_profile=staff})
 * with a reception role counts; the relay binds both roles to a hospital organisation (StaffRole's organisation
 * type), and checks that again for every look-up.
 */
public record Clerk(String subject, String name, String nameKana, String role, String organisation)
        implements Serializable {

    public static final String RECEPTION_CLERK = "RECEPTION_CLERK";
    public static final String HOSPITAL_ADMIN = "HOSPITAL_ADMIN";
    static final Set<String> DESK_ROLES = Set.of(RECEPTION_CLERK, HOSPITAL_ADMIN);

    /** The clerk a token names, or null when the token is not a reception role's staff login. */
    public static Clerk fromClaims(Map<String, Object> claims) {
        if (!"staff".equals(text(claims, "login_profile"))) {
            return null;
        }
        String subject = text(claims, "sub");
        String role = text(claims, "role");
        String organisation = text(claims, "organisation");
        if (subject == null || !DESK_ROLES.contains(role) || !ProviderKey.isValid(organisation)) {
            return null;
        }
        return new Clerk(subject, text(claims, "name"), text(claims, "name_kana"), role, organisation);
    }

    public boolean isAdmin() {
        return HOSPITAL_ADMIN.equals(role);
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
