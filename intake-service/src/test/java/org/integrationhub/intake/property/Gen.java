package org.integrationhub.intake.property;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values from a seeded source, the few combinators the intake's properties need
 * ({@link #oneOf}, {@link #frequency}, {@link #map}, {@link #filter}). Same seed, same values.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(SplittableRandom random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return random -> f.apply(next(random));
    }

    /** Only values that pass {@code keep}; it must keep most of them. */
    default Gen<T> filter(Predicate<? super T> keep) {
        return random -> {
            for (int i = 0; i < 1000; i++) {
                T value = next(random);
                if (keep.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter keeps almost no value");
        };
    }

    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    static Gen<Integer> between(int min, int max) {
        return random -> random.nextInt(min, max + 1);
    }

    /** One of the values, each as likely. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        return random -> values[random.nextInt(values.length)];
    }

    static <T> Gen<T> elements(List<T> values) {
        return random -> values.get(random.nextInt(values.size()));
    }

    /** One of the generators, each as likely. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return random -> gens[random.nextInt(gens.length)].next(random);
    }

    /** One of the generators, each as likely. */
    static <T> Gen<T> oneOf(List<? extends Gen<? extends T>> gens) {
        return random -> gens.get(random.nextInt(gens.size())).next(random);
    }

    /** A generator with a weight: {@link #frequency} picks it in proportion to it. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<T>... choices) {
        int total = 0;
        for (Weighted<T> choice : choices) {
            total += choice.weight();
        }
        int sum = total;
        return random -> {
            int pick = random.nextInt(sum);
            for (Weighted<T> choice : choices) {
                pick -= choice.weight();
                if (pick < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new IllegalStateException("weights changed under the generator");
        };
    }
}
