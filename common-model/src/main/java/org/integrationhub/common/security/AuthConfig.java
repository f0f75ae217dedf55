package org.integrationhub.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How API keys are checked; each service sets its role (environment: {@code HUB_AUTH_CACHE_TTL}, ...). */
@ConfigMapping(prefix = "hub.auth")
public interface AuthConfig {

    /** The role a key needs for this service's REST paths: PARTNER (intake) or OPERATOR (processor). */
    Role role();

    /** How long a found key is trusted without asking the database again: a revoked key works this long. */
    @WithDefault("PT30S")
    Duration cacheTtl();

    /** How long an unknown key is known to be unknown: invented keys cost no query while it lasts. */
    @WithDefault("PT5S")
    Duration negativeCacheTtl();

    /** Unknown keys an address may present per minute before it is refused with 429 for a while. */
    @WithDefault("60")
    double failuresPerMinute();
}
