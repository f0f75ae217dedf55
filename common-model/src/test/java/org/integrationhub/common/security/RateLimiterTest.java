package org.integrationhub.common.security;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTest {

    @Test
    void madeUpKeysBeyondTheBoundAreForgottenOnceRefilledButAnEmptyBucketIsKept() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, 2, now::get);
        assertThat(limiter.acquire("guesser")).isZero();
        assertThat(limiter.acquire("guesser")).isZero();
        assertThat(limiter.acquire("guesser")).as("the burst of 2 is spent").isEqualTo(1);
        for (int i = 0; i <= RateLimiter.MAX_KEYS; i++) {
            limiter.acquire("made-up-" + i); // each spends one of its two tokens
        }
        now.addAndGet(1_500_000_000L); // 1.5 s: the made-up keys are full again, the guesser is not
        limiter.acquire("one-more");
        assertThat(limiter.acquire("guesser")).as("still limited after the sweep").isZero();
        assertThat(limiter.acquire("guesser")).isEqualTo(1);
        assertThat(limiter.size()).as("the refilled keys forgotten").isLessThan(10);
    }
}
