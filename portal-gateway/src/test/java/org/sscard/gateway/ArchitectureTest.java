package org.sscard.gateway;

import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No controller rule here: the gateway has one permission, a resident's card login ({@code RESIDENT}), and its
 * security configuration requires it of every page and proxied path except the login and goodbye pages, static
 * assets and health. There is no per-method authority to name, and reactive method security is off, so a
 * {@code @PreAuthorize} here would be ignored.
 */
@AnalyzeClasses(packages = ArchitectureTest.GATEWAY, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String GATEWAY = "org.sscard.gateway";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(GATEWAY);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(GATEWAY);
}
