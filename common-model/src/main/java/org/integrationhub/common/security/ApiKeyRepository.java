package org.integrationhub.common.security;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Looks API keys up by their SHA-256 digest; the key itself is never stored or logged. */
@ApplicationScoped
public class ApiKeyRepository {

    static final String FIND_ACTIVE_BY_HASH = """
            SELECT name, key_hash, role, source_system, interfaces
              FROM api_key
             WHERE key_hash = $1 AND active""";

    @Inject
    Pool pool;

    @Inject
    AuthConfig config;

    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    /** Digests (hex) of keys found unknown, with when that expires; bounded, so any number of keys fits. */
    private final ConcurrentHashMap<String, Long> unknown = new ConcurrentHashMap<>();

    private record Cached(Caller caller, long expiresAtNanos) {
    }

    /** Whether {@code presentedKey} was found active moments ago (a known partner, even behind a busy address). */
    public boolean knownNow(String presentedKey) {
        Cached cached = cache.get(presentedKey);
        return cached != null && System.nanoTime() - cached.expiresAtNanos() < 0;
    }

    public Uni<Optional<Caller>> findActive(String presentedKey) {
        // keyed by the presented key: a hit costs no digest (the process sees the key on every request anyway)
        String cacheKey = presentedKey;
        Cached cached = cache.get(cacheKey);
        if (cached != null && System.nanoTime() - cached.expiresAtNanos() < 0) {
            return Uni.createFrom().item(Optional.of(cached.caller()));
        }
        byte[] digest = sha256(presentedKey);
        String digestHex = java.util.HexFormat.of().formatHex(digest);
        Long unknownUntil = unknown.get(digestHex);
        if (unknownUntil != null && System.nanoTime() - unknownUntil < 0) {
            return Uni.createFrom().item(Optional.empty());
        }
        return lookUp(digest).invoke(found -> {
            if (found.isEmpty() && !config.negativeCacheTtl().isZero()) {
                if (unknown.size() > 10_000) {
                    unknown.clear();
                }
                unknown.put(digestHex, System.nanoTime() + config.negativeCacheTtl().toNanos());
            }
            if (found.isPresent() && !config.cacheTtl().isZero()) {
                if (cache.size() > 10_000) {
                    cache.clear();
                }
                cache.put(cacheKey, new Cached(found.get(), System.nanoTime() + config.cacheTtl().toNanos()));
            } else {
                cache.remove(cacheKey);
            }
        });
    }

    private Uni<Optional<Caller>> lookUp(byte[] digest) {
        return pool.preparedQuery(FIND_ACTIVE_BY_HASH)
                .execute(Tuple.of(io.vertx.core.buffer.Buffer.buffer(digest)))
                .map(rows -> {
                    for (Row row : rows) {
                        // the index found it by digest; compare again in constant time before trusting it
                        if (MessageDigest.isEqual(digest, row.getBuffer("key_hash").getBytes())) {
                            return Optional.of(new Caller(row.getString("name"), Role.valueOf(row.getString("role")),
                                    row.getString("source_system"),
                                    new HashSet<>(Arrays.asList(row.getArrayOfStrings("interfaces")))));
                        }
                    }
                    return Optional.empty();
                });
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
