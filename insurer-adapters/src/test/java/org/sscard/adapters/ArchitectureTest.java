package org.sscard.adapters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

class ArchitectureTest {

    private final JavaClasses adapters = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.sscard.adapters");

    @Test
    void everyEndpointWithPersonalDataRequiresItsOwnAuthority() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areMetaAnnotatedWith(Controller.class)
                .and()
                .areMetaAnnotatedWith(RequestMapping.class)
                .and()
                .areDeclaredInClassesThat()
                .doNotHaveSimpleName("Stylesheet")
                .should()
                .beAnnotatedWith(PreAuthorize.class)
                .because("controllers deny by default; each method names the authority it needs")
                .check(adapters);
    }

    @Test
    void noProviderReadsAnotherServicesHeaderForIdentity() {
        noClasses()
                .should()
                .callMethod(jakarta.servlet.http.HttpServletRequest.class, "getHeader", String.class)
                .orShould()
                .callMethod(jakarta.servlet.http.HttpServletRequest.class, "getRemoteUser")
                .because("identity comes from the verified token only, never from a plain header")
                .allowEmptyShould(true)
                .check(adapters.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("SecurityConfig"))));
    }
}
