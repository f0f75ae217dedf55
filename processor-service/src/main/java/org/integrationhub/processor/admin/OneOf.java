package org.integrationhub.processor.admin;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text field that must name one of a closed set: the constants of an enum ({@link #value}, written in
 * lower case when {@link #lowerCase}), or, with {@link #interfaces}, an interface of the registry. The message
 * lists what is allowed.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OneOf.Check.class)
public @interface OneOf {

    /** The enum whose constant names are allowed. */
    Class<? extends Enum<?>> value() default NoEnum.class;

    /** Whether the names are written in lower case ({@code seconds}, not {@code SECONDS}). */
    boolean lowerCase() default false;

    /** Instead of an enum: the names of the interfaces in the registry. */
    boolean interfaces() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The default of {@link #value}: no enum. */
    enum NoEnum { }

    /** Checks a value against the allowed names; null passes (the field is optional). */
    class Check implements ConstraintValidator<OneOf, String> {

        private List<String> allowed;

        @Override
        public void initialize(OneOf annotation) {
            allowed = annotation.interfaces()
                    ? InterfaceRegistry.all().stream().map(InterfaceDefinition::name).toList()
                    : Arrays.stream(annotation.value().getEnumConstants())
                    .map(c -> annotation.lowerCase() ? c.name().toLowerCase(Locale.ROOT) : c.name()).toList();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || allowed.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + String.join(", ", allowed))
                    .addConstraintViolation();
            return false;
        }
    }
}
