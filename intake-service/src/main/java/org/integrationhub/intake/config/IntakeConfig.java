package org.integrationhub.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.integrationhub.common.validation.InstantRange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** What the intake accepts and how it signals the processors. */
@ConfigMapping(prefix = "hub.intake")
public interface IntakeConfig {

    /** The earliest {@code sentAt} accepted; an older one is a 400 on {@code sentAt}. */
    @WithDefault("2000-01-01T00:00:00Z")
    Instant earliestSentAt();

    /** How far in the future (by this service's clock) a {@code sentAt} may lie: partners' clocks drift. */
    @WithDefault("PT5M")
    Duration clockSkew();

    /** New records wake the processors with one NOTIFY per interface per window; 0 turns it off. */
    @WithDefault("PT0.02S")
    Duration signalWindow();

    /** The range {@code sentAt} must lie in now. */
    default InstantRange sentAtRange(Clock clock) {
        return new InstantRange(earliestSentAt(), clock.instant().plus(clockSkew()));
    }
}
