package org.sscard.common.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderKeyTest {

    private static final String[] BAD = {"", "a", "Kamogawa", "1nhi", "nhi_city", "nhi/../x", "-nhi", "a".repeat(41)};

    record Registration(@ValidProviderKey String providerKey) {}

    @Test
    void acceptsSlugsAndRejectsEverythingElse() {
        assertThat(new ProviderKey("kamogawa-nhi").value()).isEqualTo("kamogawa-nhi");
        assertThat(ProviderKey.isValid("a".repeat(40))).isTrue();
        for (String bad : BAD) {
            assertThatThrownBy(() -> new ProviderKey(bad)).isInstanceOf(IllegalArgumentException.class);
            assertThat(ProviderKey.isValid(bad)).isFalse();
        }
    }

    @Test
    void beanValidationAppliesTheSameRuleAndSaysWhatItIs() {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            Validator validator = factory.getValidator();

            assertThat(validator.validate(new Registration("kamogawa-nhi"))).isEmpty();
            assertThat(validator.validate(new Registration("city"))).isEmpty();
            assertThat(validator.validate(new Registration(null)))
                    .as("null is @NotNull's business")
                    .isEmpty();
            for (String bad : BAD) {
                Set<ConstraintViolation<Registration>> violations = validator.validate(new Registration(bad));
                assertThat(violations).as(bad).hasSize(1);
                assertThat(violations.iterator().next().getMessage()).isEqualTo(ProviderKey.RULE);
                assertThat(violations.iterator().next().getPropertyPath().toString())
                        .isEqualTo("providerKey");
            }
        }
    }
}
