package org.sscard.relay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = ArchitectureTest.RELAY, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String RELAY = "org.sscard.relay";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(RELAY);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(RELAY);

    /** Every endpoint of the relay serves or changes personal data or mappings: none is public. */
    @ArchTest
    static final ArchRule everyEndpointRequiresItsOwnAuthority = controllersDenyByDefault();

    @ArchTest
    static final ArchRule noJpaAndNoSchemaGeneration = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("jakarta.persistence..")
            .because("the schema is Flyway's alone");
}
