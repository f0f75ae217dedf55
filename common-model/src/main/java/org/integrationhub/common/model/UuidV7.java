package org.integrationhub.common.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7) for receipt ids: unguessable like v4, but new ids land at
 * the right edge of the index instead of scattering writes across it.
 */
public final class UuidV7 {

    /** One generator per thread: unguessable ids without a lock shared by every request. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private UuidV7() {
    }

    public static UUID next() {
        return next(Clock.systemUTC());
    }

    /**
     * The smallest version 7 id of the millisecond {@code at}: every id made at or after that instant is not
     * below it (PostgreSQL orders uuids by their bytes, which for version 7 is time order), so a time range
     * over receipts is a range over their primary key.
     */
    public static UUID floor(Instant at) {
        return new UUID((at.toEpochMilli() << 16) | (0x7L << 12), 0x8000000000000000L);
    }

    public static UUID next(Clock clock) {
        long millis = clock.millis();
        SecureRandom random = RANDOM.get();
        long randA = random.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
