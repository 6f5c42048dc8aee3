package org.sscard.auth;

import static org.sscard.common.architecture.ServiceRules.featurePackagesAreFreeOfCycles;
import static org.sscard.common.architecture.ServiceRules.usesOnlyItsOwnCodeCommonAndLibraries;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * No controller rule here: the auth service has no permission model for its controllers to name. Its controllers
 * are the login flows themselves (card login, SAML SSO, metadata), open to anyone who arrives to log in; each
 * flow's security configuration (login, saml, oidc, web) permits exactly its paths and denies everything else,
 * and method security is off, so a {@code @PreAuthorize} here would be ignored.
 */
@AnalyzeClasses(packages = ArchitectureTest.AUTH, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String AUTH = "org.sscard.auth";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = featurePackagesAreFreeOfCycles(AUTH);

    @ArchTest
    static final ArchRule usesOnlyItsOwnCodeCommonAndLibraries = usesOnlyItsOwnCodeCommonAndLibraries(AUTH);
}
