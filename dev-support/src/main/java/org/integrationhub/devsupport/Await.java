package org.integrationhub.devsupport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * The one way the tests (and the local run) wait: poll a probe until its value satisfies a condition or a
 * deadline passes. A probe that throws an Exception (a service still starting, a database restarting) counts as
 * "not yet"; one that throws an Error (a failed assertion) ends the wait at once.
 * A wait that runs out fails with what was awaited and the last value seen (and the last failure as cause).
 *
 * <p>Never sleep to wait for something to happen: poll for it here. {@link #pause} is only for letting time
 * pass on purpose.
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
        if (outcome.met()) {
            return outcome.value();
        }
        throw outcome.failure(what, timeout);
    }

    /** Waits until {@code condition} holds; an AssertionError naming {@code what} after {@code timeout}. */
    public static void until(String what, Duration timeout, Callable<Boolean> condition) {
        until(what, timeout, EVERY, condition, Boolean.TRUE::equals);
    }

    /** Waits until {@code condition} holds, asking it every {@code every}. */
    public static void until(String what, Duration timeout, Duration every, Callable<Boolean> condition) {
        until(what, timeout, every, condition, Boolean.TRUE::equals);
    }

    /** The same without failing: the satisfying value, or empty when the deadline passed. For measuring. */
    public static <T> Optional<T> within(Duration timeout, Duration every, Callable<T> probe, Predicate<? super T> done) {
        Outcome<T> outcome = poll(timeout, every, probe, done);
        return outcome.met() ? Optional.ofNullable(outcome.value()) : Optional.empty();
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
     * Lets time pass on purpose: a delay that is part of the protocol under test (a client honouring
     * {@code Retry-After}, a gap in a heartbeat), or the time within which something must NOT happen. Never a
     * way to wait for something to happen (poll for it with {@link #until}); every caller says why in a comment.
     */
    public static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a pause", e);
        }
    }

    /**
     * What a poll came to: whether {@code done} was met, the last value the probe answered (if it ever did),
     * and the last failure of the probe. For callers that fail in their own way, such as the local run.
     */
    public record Outcome<T>(boolean met, boolean answered, T value, Exception lastFailure) {

        /** The AssertionError of a wait for {@code what} that ran out after {@code timeout}. */
        AssertionError failure(String what, Duration timeout) {
            AssertionError error = new AssertionError(what + ": not within " + timeout.toMillis() / 1000.0 + " s"
                    + (answered ? "; last seen: " + value : "; no answer"));
            if (lastFailure != null) {
                error.initCause(lastFailure);
            }
            return error;
        }
    }

    /** Asks {@code probe} every {@code every} until its value satisfies {@code done} or {@code timeout} has passed. */
    public static <T> Outcome<T> poll(Duration timeout, Duration every, Callable<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean answered = false;
        T last = null;
        Exception lastFailure = null;
        while (true) {
            try {
                last = probe.call();
                answered = true;
                if (done.test(last)) {
                    return new Outcome<>(true, true, last, null);
                }
            } catch (Exception notYet) {
                lastFailure = notYet;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Outcome<>(false, answered, last, lastFailure);
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
