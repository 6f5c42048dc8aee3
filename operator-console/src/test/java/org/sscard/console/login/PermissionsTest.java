package org.sscard.console.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * The permissions are the one vocabulary of the console's method security: every authority a controller method
 * names is a {@link Permission}, every permission guards at least one method, and the ID token's role and
 * organisation decide which set a login gets (and a login of any other kind gets none).
 */
class PermissionsTest {

    private static final Pattern AUTHORITY = Pattern.compile("'([A-Z_]+)'");
    private static final String[] CONTROLLERS = {
        "org.sscard.console.login.EntranceController",
        "org.sscard.console.residents.ResidentSearchController",
        "org.sscard.console.residents.ResidentRegistrationController",
        "org.sscard.console.residents.ResidentPageController",
        "org.sscard.console.residents.SoftCardController",
        "org.sscard.console.residents.CardStatusController",
        "org.sscard.console.residents.RevokeController",
        "org.sscard.console.residents.ReissueController",
        "org.sscard.console.residents.TokenCardController",
        "org.sscard.console.residents.SubscriptionsController",
        "org.sscard.console.members.MembersController",
        "org.sscard.console.members.LossController",
        "org.sscard.console.members.ImportController",
        "org.sscard.console.linkage.LinkReviewsController",
        "org.sscard.console.linkage.LinkageController",
        "org.sscard.console.dependants.DependantsController"
    };

    private final StaffAuthorities mapper = new StaffAuthorities();

    @Test
    void everyControllerMethodNamesPermissionsOnlyAndEveryPermissionGuardsSomething() throws Exception {
        Set<Permission> used = EnumSet.noneOf(Permission.class);
        List<String> unknown = new ArrayList<>();
        for (String controller : CONTROLLERS) {
            for (Method method : Class.forName(controller).getDeclaredMethods()) {
                PreAuthorize rule = method.getAnnotation(PreAuthorize.class);
                if (rule == null) {
                    continue;
                }
                Matcher names = AUTHORITY.matcher(rule.value());
                while (names.find()) {
                    try {
                        used.add(Permission.valueOf(names.group(1)));
                    } catch (IllegalArgumentException e) {
                        unknown.add(controller + "." + method.getName() + ": " + names.group(1));
                    }
                }
            }
        }
        assertThat(unknown).isEmpty();
        assertThat(used).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void givesTheCityAdministratorTheCitysPermissionsAndAnInsurersAdministratorTheInsurersOnly() {
        assertThat(permissions(Map.of("login_profile", "staff", "role", "CITY_ADMIN", "organisation", "city")))
                .containsExactlyInAnyOrderElementsOf(ConsoleRole.CITY.permissions())
                .contains(Permission.CARD_REVOKE)
                .doesNotContain(
                        Permission.MEMBER_READ,
                        Permission.IMPORT_UPLOAD,
                        Permission.DEPENDANTS_REVIEW,
                        Permission.LINK_REVIEW_DECIDE);
        assertThat(permissions(
                        Map.of("login_profile", "staff", "role", "INSURER_ADMIN", "organisation", "kameda-kenpo")))
                .containsExactlyInAnyOrder(
                        Permission.MEMBER_READ,
                        Permission.MEMBER_REGISTER_JOINER,
                        Permission.MEMBER_REGISTER_LOSS,
                        Permission.IMPORT_UPLOAD,
                        Permission.DEPENDANTS_REVIEW,
                        Permission.LINK_REVIEW_READ,
                        Permission.LINK_REVIEW_DECIDE,
                        Permission.LINKAGE_READ);
    }

    @Test
    void givesNothingToAClerkAHospitalAdministratorAResidentOrARoleOutsideItsOrganisation() {
        assertThat(permissions(
                        Map.of("login_profile", "staff", "role", "RECEPTION_CLERK", "organisation", "kameda-hospital")))
                .isEmpty();
        assertThat(permissions(
                        Map.of("login_profile", "staff", "role", "HOSPITAL_ADMIN", "organisation", "kameda-hospital")))
                .isEmpty();
        assertThat(permissions(Map.of("login_profile", "resident"))).isEmpty();
        assertThat(permissions(Map.of("login_profile", "staff", "role", "CITY_ADMIN", "organisation", "kameda-kenpo")))
                .as("a city administrator not of the city")
                .isEmpty();
        assertThat(permissions(Map.of("login_profile", "staff", "role", "INSURER_ADMIN", "organisation", "city")))
                .as("an insurer administrator of the city")
                .isEmpty();
        assertThat(permissions(Map.of("login_profile", "staff", "role", "INSURER_ADMIN")))
                .as("no organisation")
                .isEmpty();
        assertThat(permissions(Map.of("login_profile", "resident", "role", "CITY_ADMIN", "organisation", "city")))
                .as("a resident's login naming a role")
                .isEmpty();
    }

    private Set<Permission> permissions(Map<String, Object> claims) {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token")
                .subject("6b1f0f5e-9a77-4c2e-bb8e-0f3f8e6f2a11")
                .claims(all -> all.putAll(claims))
                .build();
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (GrantedAuthority authority : mapper.mapAuthorities(Set.of(new OidcUserAuthority(token)))) {
            if (authority instanceof Permission permission) {
                permissions.add(permission);
            }
        }
        return permissions;
    }
}
