package org.sscard.adapters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.sscard.common.architecture.ServiceRules.PublicController.publicController;
import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.neverUsesThePersonalId;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.servlet.http.HttpServletRequest;

@AnalyzeClasses(packages = ArchitectureTest.ADAPTERS, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ADAPTERS = "org.sscard.adapters";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(ADAPTERS);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(ADAPTERS);

    @ArchTest
    static final ArchRule everyEndpointWithPersonalDataRequiresItsOwnAuthority = controllersDenyByDefault(
            publicController(ADAPTERS + ".pages.Stylesheet", "the pages' stylesheet: no personal data"));

    @ArchTest
    static final ArchRule neverUsesThePersonalId = neverUsesThePersonalId();

    @ArchTest
    static final ArchRule noProviderReadsAnotherServicesHeaderForIdentity = noClasses()
            .that()
            .doNotHaveSimpleName("SecurityConfig")
            .should()
            .callMethod(HttpServletRequest.class, "getHeader", String.class)
            .orShould()
            .callMethod(HttpServletRequest.class, "getRemoteUser")
            .because("identity comes from the verified token only, never from a plain header")
            .allowEmptyShould(true);
}
