package org.sscard.reception.cli;

import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The desk's program talks to the platform over its APIs only (auth-service's OAuth endpoints, the desk's API) and
 * links nothing of a service but common. No controller rule: it serves only its one-login loopback callback.
 */
@AnalyzeClasses(packages = ArchitectureTest.RECEPTION, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String RECEPTION = "org.sscard.reception";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(RECEPTION);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(RECEPTION);
}
