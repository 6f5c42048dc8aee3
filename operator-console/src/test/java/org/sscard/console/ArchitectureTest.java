package org.sscard.console;

import static org.sscard.common.architecture.ServiceRules.controllersDenyByDefault;
import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.neverUsesThePersonalId;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = ArchitectureTest.CONSOLE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String CONSOLE = "org.sscard.console";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(CONSOLE);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(CONSOLE);

    /** Every page names the permission it needs; none is public by design but the entrance's permitAll(). */
    @ArchTest
    static final ArchRule controllersDenyByDefault = controllersDenyByDefault();

    /** The relay issues and keeps the 44-digit personal ID; the console never sees it. */
    @ArchTest
    static final ArchRule neverUsesThePersonalId = neverUsesThePersonalId();
}
