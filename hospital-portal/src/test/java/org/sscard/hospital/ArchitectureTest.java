package org.sscard.hospital;

import static org.sscard.common.architecture.ServiceRules.PublicController.publicController;
import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.neverUsesThePersonalId;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = ArchitectureTest.HOSPITAL, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String HOSPITAL = "org.sscard.hospital";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(HOSPITAL);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(HOSPITAL);

    /**
     * Records and imports name their authority ({@code PATIENT}, {@code HOSPITAL_IMPORT}); the welcome page says
     * {@code permitAll()} itself. The SAML service provider's metadata and login entry are public by design.
     */
    @ArchTest
    static final ArchRule controllersDenyByDefault = controllersDenyByDefault(
            publicController(
                    HOSPITAL + ".saml.SpMetadataController",
                    "the SAML service provider's metadata, which the IdP fetches without logging in"),
            publicController(
                    HOSPITAL + ".saml.BackChannelLogoutController",
                    "the IdP's back-channel single logout: no session; the IdP's signature on the LogoutRequest is"
                            + " the check"),
            publicController(
                    HOSPITAL + ".saml.LoginUnavailableController",
                    "the SAML login entry's fail-closed page (503) while the IdP's metadata is unread: nothing behind it"));

    @ArchTest
    static final ArchRule neverUsesThePersonalId = neverUsesThePersonalId();
}
