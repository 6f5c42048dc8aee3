package org.sscard.common.provider;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Bean Validation for a string that must be a {@link ProviderKey} (request bodies, configuration properties). Like
 * the standard constraints it accepts {@code null}; add {@code @NotNull} where the key is required.
 */
@Documented
@Constraint(validatedBy = ValidProviderKey.Check.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface ValidProviderKey {

    String message() default ProviderKey.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The one rule, {@link ProviderKey#isValid}, as a validator. */
    final class Check implements ConstraintValidator<ValidProviderKey, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ProviderKey.isValid(value);
        }
    }
}
