package org.integrationhub.devsupport;

import io.quarkus.test.common.QuarkusTestResourceConfigurableLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration one {@code @QuarkusTest} class runs with over application.properties, each entry
 * {@code "key=value"}: what a {@code QuarkusTestProfile} that only overrides configuration does, said on the class
 * itself instead of in a nested profile class.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
 * &#64;ConfigOverrides({"hub.processor.max-attempts=3", "hub.processor.retry-base=PT0.2S"})
 * class RetryTest {
 * </pre>
 *
 * As for a profile, Quarkus starts the application again for the class (the overrides are restricted to it) and
 * once more for the next class without them. Unlike a profile it does not build the application again, so it
 * carries runtime configuration only: a build-time property still needs a {@code QuarkusTestProfile}.
 */
@WithTestResource(value = ConfigOverrides.Resource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConfigOverrides {

    /** The overrides, each {@code "key=value"}; the value is everything after the first '='. */
    String[] value();

    /** Hands the annotation's entries to Quarkus as configuration; starts nothing. */
    final class Resource implements QuarkusTestResourceConfigurableLifecycleManager<ConfigOverrides> {

        private Map<String, String> overrides = Map.of();

        @Override
        public void init(ConfigOverrides annotation) {
            overrides = parse(annotation.value());
        }

        @Override
        public Map<String, String> start() {
            return overrides;
        }

        @Override
        public void stop() {
            // nothing was started
        }

        static Map<String, String> parse(String... entries) {
            Map<String, String> parsed = new LinkedHashMap<>();
            for (String entry : entries) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("a config override is key=value, not: " + entry);
                }
                if (parsed.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()) != null) {
                    throw new IllegalArgumentException("a config key overridden twice: " + entry);
                }
            }
            return Map.copyOf(parsed);
        }
    }
}
