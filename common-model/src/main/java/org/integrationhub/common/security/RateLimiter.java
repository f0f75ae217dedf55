package org.integrationhub.common.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per API key, in this instance's memory: {@code hub.rate-limit.per-key} requests per second
 * with bursts of {@code hub.rate-limit.burst}. Off when the rate is 0 (the default). With several intake
 * replicas each enforces its own share.
 */
@ApplicationScoped
public class RateLimiter {

    /** Past this many keys, the buckets that have refilled are forgotten. */
    static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final double ratePerSecond;
    private final double burst;
    private final LongSupplier nanoTime;

    RateLimiter() {
        this(0, 0, System::nanoTime);
    }

    @jakarta.inject.Inject
    RateLimiter(RateLimitConfig config) {
        this(config.perKey(), config.burst(), System::nanoTime);
    }

    RateLimiter(double ratePerSecond, double burst, LongSupplier nanoTime) {
        this.ratePerSecond = ratePerSecond;
        this.burst = burst > 0 ? burst : Math.max(1, ratePerSecond);
        this.nanoTime = nanoTime;
    }

    public boolean enabled() {
        return ratePerSecond > 0;
    }

    /** How many keys have a bucket. */
    int size() {
        return buckets.size();
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    /** 0 when the request may go ahead, else the whole seconds to wait before a token is free. */
    public long acquire(String key) {
        if (!enabled()) {
            return 0;
        }
        if (buckets.size() > MAX_KEYS) {
            forgetFull();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
        synchronized (bucket) {
            long now = nanoTime.getAsLong();
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) / 1e9 * ratePerSecond);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / ratePerSecond);
        }
    }

    /**
     * Forgets the buckets that have refilled: a full bucket is what an unknown key gets anyway. Keeps the map
     * bounded when keys are many and made up (client addresses of failed logins and unknown API keys).
     */
    private void forgetFull() {
        long now = nanoTime.getAsLong();
        buckets.entrySet().removeIf(entry -> {
            Bucket bucket = entry.getValue();
            synchronized (bucket) {
                return bucket.tokens + (now - bucket.refilledAt) / 1e9 * ratePerSecond >= burst;
            }
        });
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
