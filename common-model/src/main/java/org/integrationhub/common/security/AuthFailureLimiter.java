package org.integrationhub.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes invented API keys cost nothing: failed authentications are counted per client address (a token
 * bucket of {@code hub.auth.failures-per-minute}, bursts of the same size), and an address over it is answered
 * 429 before its key is looked up, until its bucket refills. Off when the rate is 0.
 */
@ApplicationScoped
public class AuthFailureLimiter {

    private final RateLimiter failures;
    private final ConcurrentHashMap<String, Long> blockedUntil = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    AuthFailureLimiter(AuthConfig config) {
        this(config.failuresPerMinute());
    }

    /** A limiter of its own, for another kind of credential (the console's passwords). */
    public AuthFailureLimiter(double perMinute) {
        this.failures = new RateLimiter(perMinute / 60.0, perMinute, System::nanoTime);
    }

    /** 0 when {@code address} may try a key, else the whole seconds it must wait. */
    public long blocked(String address) {
        Long until = blockedUntil.get(address);
        if (until == null) {
            return 0;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            blockedUntil.remove(address, until);
            return 0;
        }
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** {@code address} presented a key that is not known: counts it, and blocks the address when over the rate. */
    public long failed(String address) {
        long wait = failures.acquire(address);
        if (wait > 0) {
            if (blockedUntil.size() > 100_000) {
                blockedUntil.clear();
            }
            blockedUntil.put(address, System.nanoTime() + wait * 1_000_000_000L);
        }
        return wait;
    }
}
