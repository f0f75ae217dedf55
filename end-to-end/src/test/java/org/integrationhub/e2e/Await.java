package org.integrationhub.e2e;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way these tests wait: poll a probe until its value satisfies a condition or a deadline passes.
 * A probe that throws (a service still starting, a database restarting) counts as "not yet".
 */
public final class Await {

    /** How often a probe is asked when the caller does not say. */
    public static final Duration EVERY = Duration.ofMillis(100);

    private Await() {
    }

    /** The first value of {@code probe} that satisfies {@code done}; an AssertionError naming {@code what} after {@code timeout}. */
    public static <T> T until(String what, Duration timeout, Callable<T> probe, Predicate<? super T> done) {
        return until(what, timeout, EVERY, probe, done);
    }

    public static <T> T until(String what, Duration timeout, Duration every, Callable<T> probe, Predicate<? super T> done) {
        Outcome<T> outcome = poll(timeout, every, probe, done);
        if (outcome.met) {
            return outcome.value;
        }
        AssertionError error = new AssertionError(what + ": not within " + timeout.toMillis() / 1000.0 + " s"
                + (outcome.value == null ? "" : "; last seen: " + outcome.value));
        if (outcome.lastFailure != null) {
            error.initCause(outcome.lastFailure);
        }
        throw error;
    }

    /** Waits until {@code condition} holds; an AssertionError naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, EVERY, condition, Boolean.TRUE::equals);
    }

    /** The same without failing: the satisfying value, or empty when the deadline passed. For measuring. */
    public static <T> Optional<T> within(Duration timeout, Duration every, Callable<T> probe, Predicate<? super T> done) {
        Outcome<T> outcome = poll(timeout, every, probe, done);
        return outcome.met ? Optional.ofNullable(outcome.value) : Optional.empty();
    }

    /**
     * Polls {@code left}, a count of work still to do, until it is zero. Gives up when it has not fallen for
     * {@code stall} (nothing moves: the rest is stuck) or after {@code cap}. Answers what was left (0: all done).
     */
    public static long drained(Duration stall, Duration cap, Duration every, Callable<Long> left) {
        long start = System.nanoTime();
        long lowest = Long.MAX_VALUE;
        long lastProgress = start;
        while (true) {
            try {
                long n = left.call();
                if (n == 0) {
                    return 0;
                }
                if (n < lowest) {
                    lowest = n;
                    lastProgress = System.nanoTime();
                }
            } catch (Exception notYet) {
                // a database restarting: neither progress nor a verdict
            }
            long now = System.nanoTime();
            if (now - lastProgress > stall.toNanos() || now - start > cap.toNanos()) {
                return lowest;
            }
            pause(every);
        }
    }

    /**
     * A delay that is part of the protocol under test, such as a client honouring {@code Retry-After}; never
     * a way to wait for something to happen (poll for it with {@link #until}).
     */
    public static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a pause", e);
        }
    }

    private record Outcome<T>(boolean met, T value, Exception lastFailure) {
    }

    private static <T> Outcome<T> poll(Duration timeout, Duration every, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                if (done.test(last)) {
                    return new Outcome<>(true, last, null);
                }
            } catch (Exception notYet) {
                lastFailure = notYet;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Outcome<>(false, last, lastFailure);
            }
            try {
                Thread.sleep(Math.max(1, Math.min(every.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
    }
}
