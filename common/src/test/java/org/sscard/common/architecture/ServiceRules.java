package org.sscard.common.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The architecture rules every service module checks, one source for all of them. A service's
 * {@code ArchitectureTest} imports its own main classes ({@code @AnalyzeClasses(packages = "org.sscard.<service>",
 * importOptions = DoNotIncludeTests.class)}) and lists the rules that apply to it, one field each.
 *
 * <p>Annotations are named by their class names, not class literals, so that a service without Spring MVC or
 * Spring Security on its test class path can still use the rules that do not need them.
 */
public final class ServiceRules {

    private static final String COMMON = "org.sscard.common..";
    private static final String ANY_SSCARD_CODE = "org.sscard..";
    private static final String PERSONAL_ID = "org.sscard.common.id..";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";
    private static final String REQUEST_MAPPING = "org.springframework.web.bind.annotation.RequestMapping";
    private static final String PRE_AUTHORIZE = "org.springframework.security.access.prepost.PreAuthorize";

    private ServiceRules() {}

    /**
     * Each top-level package under the service's root is a feature ({@code org.sscard.relay.card},
     * {@code org.sscard.relay.audit}, …, sub-packages included); features may depend on each other one way only.
     */
    public static ArchRule featurePackagesAreFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .namingSlices("feature '$1'")
                .should()
                .beFreeOfCycles()
                .because("a feature package that depends on another depending on it back cannot be read, changed or"
                        + " moved on its own: move the shared part to where it belongs");
    }

    /** A service links its own code, {@code common} and libraries; another service is reached over its API only. */
    public static ArchRule usesOnlyItsOwnCodeCommonAndLibraries(String servicePackage) {
        DescribedPredicate<JavaClass> anotherServicesCode = resideInAPackage(ANY_SSCARD_CODE)
                .and(not(resideInAnyPackage(servicePackage + "..", COMMON)))
                .as("are another service's code (org.sscard.. outside %s.. and %s)", servicePackage, COMMON);
        return noClasses()
                .should()
                .dependOnClassesThat(anotherServicesCode)
                .because("services share nothing but common: each one is deployed, upgraded and trusted on its own,"
                        + " and talks to the others over their APIs");
    }

    /**
     * Deny by default: every handler method of a controller carries {@code @PreAuthorize} naming what it needs
     * ({@code permitAll()} written out where a page is open on purpose). Whole controllers that are public by design
     * (published CA certificates, SAML metadata, a stylesheet) are named here, each with the reason; a name that
     * is no controller of the service (moved, renamed, mistyped) fails the rule too.
     */
    public static ArchRule controllersDenyByDefault(PublicController... publicControllers) {
        Set<String> exempt = Arrays.stream(publicControllers)
                .map(PublicController::className)
                .collect(Collectors.toSet());
        String reasons = Arrays.stream(publicControllers)
                .map(open -> open.className() + " (" + open.why() + ")")
                .collect(Collectors.joining("; "));
        DescribedPredicate<JavaClass> publicByDesign = DescribedPredicate.describe(
                "public by design: " + (reasons.isEmpty() ? "none" : reasons),
                javaClass -> exempt.contains(javaClass.getName()));
        CompositeArchRule rule = CompositeArchRule.of(methods()
                .that()
                .areDeclaredInClassesThat()
                .areMetaAnnotatedWith(CONTROLLER)
                .and()
                .areMetaAnnotatedWith(REQUEST_MAPPING)
                .and()
                .areDeclaredInClassesThat(not(publicByDesign))
                .should()
                .beAnnotatedWith(PRE_AUTHORIZE)
                .because("controllers deny by default; each handler method names the authority it needs"));
        for (PublicController open : publicControllers) {
            rule = rule.and(classes()
                    .that()
                    .haveFullyQualifiedName(open.className())
                    .should()
                    .beMetaAnnotatedWith(CONTROLLER)
                    .because("a class named public by design must be one of the service's controllers"));
        }
        return rule;
    }

    /**
     * A provider (an insurer, a hospital) knows a person only by its own ID for them, which the relay maps; the
     * platform's personal ID never reaches a provider's code.
     */
    public static ArchRule neverUsesThePersonalId() {
        return noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage(PERSONAL_ID)
                .because("providers hold their own IDs for a person; the personal ID stays inside the platform");
    }

    /** A controller that is public by design, and why; see {@link #controllersDenyByDefault}. */
    public record PublicController(String className, String why) {

        public PublicController {
            if (className == null || className.isBlank() || why == null || why.isBlank()) {
                throw new IllegalArgumentException("a public controller needs its class name and the reason");
            }
        }

        public static PublicController publicController(String className, String why) {
            return new PublicController(className, why);
        }
    }
}
