package org.sscard.common.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sscard.common.architecture.ServiceRules.PublicController.publicController;
import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.neverUsesThePersonalId;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared rules fail on what they forbid (fixtures in {@code org.sscard.rulefixtures}) and pass clean code. */
class ServiceRulesTest {

    private static final String FIXTURES = "org.sscard.rulefixtures";
    private static final String CLEAN = FIXTURES + ".clean";
    private static final String CLEAN_STYLESHEET = CLEAN + ".web.Stylesheet";

    @Test
    void findsACycleBetweenTwoFeaturePackages() {
        String service = FIXTURES + ".cyclic";

        EvaluationResult result = featurePackagesAreFreeOfCycles(service).evaluate(classesOf(service));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("feature 'orders'").contains("feature 'billing'");
    }

    @Test
    void refusesAServiceThatLinksAnotherServicesCode() {
        String service = FIXTURES + ".crossing";

        EvaluationResult result = usesOnlyItsOwnCodeCommonAndLibraries(service).evaluate(classesOf(service));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("Lookup").contains(FIXTURES + ".neighbour.NeighbourRecords");
    }

    @Test
    void refusesAProviderThatUsesThePersonalId() {
        EvaluationResult result = neverUsesThePersonalId().evaluate(classesOf(FIXTURES + ".provider"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("PatientLookup").contains("org.sscard.common.id.PersonalId");
    }

    @Test
    void refusesAHandlerMethodWithoutPreAuthorize() {
        EvaluationResult result = controllersDenyByDefault().evaluate(classesOf(FIXTURES + ".unguarded"));

        assertThat(result.hasViolation()).isTrue();
        assertThat(report(result)).contains("OpenController.records()");
    }

    @Test
    void refusesAnOpenControllerUntilItIsNamedPublicWithTheReason() {
        JavaClasses clean = classesOf(CLEAN);

        EvaluationResult unnamed = controllersDenyByDefault().evaluate(clean);
        EvaluationResult named = controllersDenyByDefault(publicController(CLEAN_STYLESHEET, "a static stylesheet"))
                .evaluate(clean);

        assertThat(unnamed.hasViolation()).isTrue();
        assertThat(report(unnamed)).contains("Stylesheet.css()").doesNotContain("OrderController");
        assertThat(named.hasViolation()).isFalse();
    }

    @Test
    void refusesANamedPublicControllerThatIsNotThere() {
        ArchRule rule = controllersDenyByDefault(
                publicController(CLEAN_STYLESHEET, "a static stylesheet"),
                publicController(CLEAN + ".web.MovedAway", "no longer here"));

        assertThatThrownBy(() -> rule.check(classesOf(CLEAN)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(CLEAN + ".web.MovedAway")
                .hasMessageContaining("must be one of the service's controllers");
    }

    @Test
    void passesAServiceThatKeepsEveryRule() {
        JavaClasses clean = classesOf(CLEAN);

        for (ArchRule rule : new ArchRule[] {
            featurePackagesAreFreeOfCycles(CLEAN),
            usesOnlyItsOwnCodeCommonAndLibraries(CLEAN),
            controllersDenyByDefault(publicController(CLEAN_STYLESHEET, "a static stylesheet")),
            neverUsesThePersonalId()
        }) {
            assertThat(rule.evaluate(clean).hasViolation())
                    .as(rule.getDescription())
                    .isFalse();
        }
    }

    private static JavaClasses classesOf(String servicePackage) {
        return new ClassFileImporter().importPackages(servicePackage);
    }

    private static String report(EvaluationResult result) {
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
