package org.sscard.desk;

import static org.sscard.common.architecture.ServiceRules.PublicController.publicController;
import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.neverUsesThePersonalId;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = ArchitectureTest.DESK, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String DESK = "org.sscard.desk";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(DESK);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(DESK);

    /** Every page and the API name their authority; the statements' public keys are public by design. */
    @ArchTest
    static final ArchRule controllersDenyByDefault = controllersDenyByDefault(publicController(
            DESK + ".statement.JwksController",
            "the statements' public keys (a JWKS), which anyone verifying a statement needs without logging in"));

    /** The desk never sees the personal ID: the card is auth-service's to read, the person the relay's to find. */
    @ArchTest
    static final ArchRule neverUsesThePersonalId = neverUsesThePersonalId();
}
