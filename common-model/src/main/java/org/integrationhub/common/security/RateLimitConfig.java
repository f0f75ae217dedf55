package org.integrationhub.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The request rate each API key may use (environment: {@code HUB_RATE_LIMIT_PER_KEY}, {@code HUB_RATE_LIMIT_BURST}). */
@ConfigMapping(prefix = "hub.rate-limit")
public interface RateLimitConfig {

    /** Requests per second per key, on average; 0 turns the limit off. */
    @WithDefault("0")
    double perKey();

    /** Requests a key may send at once above the average; 0 means one second's worth. */
    @WithDefault("0")
    double burst();
}
