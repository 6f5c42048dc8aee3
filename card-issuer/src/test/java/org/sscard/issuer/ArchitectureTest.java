package org.sscard.issuer;

import static org.sscard.common.architecture.ServiceRules.PublicController.publicController;
import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = ArchitectureTest.ISSUER, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String ISSUER = "org.sscard.issuer";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(ISSUER);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(ISSUER);

    /** The issuing API names an authority per method; what a CA publishes is open to every relying party. */
    @ArchTest
    static final ArchRule issuingApiDeniesByDefault = controllersDenyByDefault(
            publicController(
                    ISSUER + ".publication.PublicationController",
                    "CRLs, CA certificates and OCSP answers, public to every relying party (RFC 5280, RFC 6960)"),
            publicController(
                    ISSUER + ".enrolment.EnrolmentRedeemController",
                    "redeeming an enrolment code: the code is the credential (rate-limited, bounded body)"));
}
