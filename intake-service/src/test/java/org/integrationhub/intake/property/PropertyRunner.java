package org.integrationhub.intake.property;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Checks a property on a bounded number of values generated from a fixed seed and, on the first value that
 * breaks it, shrinks that value to the smallest one that still does, then fails with both and the seed to
 * rerun with. Try n of a seed is always the same value, so a time budget that ends a slow run early checks a
 * prefix of the same sequence.
 *
 * <p>Why not jqwik, which issue #10 asked for: from 1.10 on, jqwik's user guide carries an "Anti-AI Usage
 * Clause" asking that AI coding agents not use the library at all, and this test was written by one. Besides,
 * jqwik 1.10 is built on JUnit Platform 1.x while Quarkus 3.33 brings JUnit 6, and a jqwik property cannot be
 * a {@code @QuarkusTest} (the Quarkus extension is a Jupiter extension). What the test needs from such a
 * library, seeded generation, bounded tries and shrinking, fits in this class and {@link Gen}; the property
 * runs inside one Jupiter {@code @QuarkusTest} method, so the application and its database start once.
 *
 * @param <T> the generated value
 */
public final class PropertyRunner<T> {

    /** Simpler variants of a value, most promising first; empty when it cannot get simpler. */
    @FunctionalInterface
    public interface Shrinker<T> {
        List<T> candidates(T value);
    }

    private final String name;
    private final long seed;
    private final int tries;
    private final Duration budget;
    private final Duration shrinkBudget;
    private final Function<T, String> describe;

    /**
     * @param seed         the seed of the whole run; the same seed generates the same values
     * @param tries        how many values to check at most
     * @param budget       no try starts after this long
     * @param shrinkBudget how long shrinking may take after a failure
     * @param describe     how a value is shown in the failure report
     */
    public PropertyRunner(String name, long seed, int tries, Duration budget, Duration shrinkBudget,
                          Function<T, String> describe) {
        this.name = name;
        this.seed = seed;
        this.tries = tries;
        this.budget = budget;
        this.shrinkBudget = shrinkBudget;
        this.describe = describe;
    }

    /**
     * Runs {@code property} on up to {@code tries} values of {@code gen}, and answers how many it checked. The
     * property answers null when it holds and why not otherwise; an exception it throws counts as a failure.
     */
    public int check(Gen<T> gen, Function<T, String> property, Shrinker<T> shrinker) {
        SplittableRandom random = new SplittableRandom(seed);
        long deadline = System.nanoTime() + budget.toNanos();
        int checked = 0;
        while (checked < tries && System.nanoTime() < deadline) {
            T value = gen.next(random);
            checked++;
            String failure = evaluate(property, value);
            if (failure != null) {
                fail(checked, value, failure, property, shrinker);
            }
        }
        return checked;
    }

    private void fail(int attempt, T original, String originalFailure, Function<T, String> property,
                      Shrinker<T> shrinker) {
        long deadline = System.nanoTime() + shrinkBudget.toNanos();
        T smallest = original;
        String failure = originalFailure;
        int steps = 0;
        boolean shrunk = true;
        while (shrunk && System.nanoTime() < deadline) {
            shrunk = false;
            for (T candidate : shrinker.candidates(smallest)) {
                if (System.nanoTime() >= deadline) {
                    break;
                }
                String candidateFailure = evaluate(property, candidate);
                if (candidateFailure != null) {
                    smallest = candidate;
                    failure = candidateFailure;
                    steps++;
                    shrunk = true;
                    break;
                }
            }
        }
        throw new AssertionError("""
                Property '%s' falsified at try %d of %d, seed %d (rerun with -Dproperty.seed=%d)
                smallest failing example (after %d shrink steps):
                %s
                fails because: %s

                original failing example:
                %s
                fails because: %s"""
                .formatted(name, attempt, tries, seed, seed, steps, describe.apply(smallest), failure,
                        describe.apply(original), originalFailure));
    }

    private static <T> String evaluate(Function<T, String> property, T value) {
        try {
            return property.apply(value);
        } catch (AssertionError | RuntimeException e) {
            // the first frames say where: in the service's answer, or in the property's own reading of it
            StringBuilder where = new StringBuilder(e.toString());
            StackTraceElement[] frames = e.getStackTrace();
            for (int i = 0; i < Math.min(6, frames.length); i++) {
                where.append("\n    at ").append(frames[i]);
            }
            return where.toString();
        }
    }
}
