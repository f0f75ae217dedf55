package org.integrationhub.processor.staging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Rows whose worker died go back to PENDING when their lease ends; the {@code staging.recover} job runs it. */
@ApplicationScoped
public class LeaseRecovery {

    private static final Logger LOG = Logger.getLogger(LeaseRecovery.class);

    @Inject
    StagingClaimRepository claims;

    /** Answers how many rows went back. */
    public Uni<Integer> recover() {
        return claims.recoverExpired().invoke(n -> {
            if (n > 0) {
                LOG.warnf("put %d rows with expired leases back to PENDING", n);
            }
        });
    }
}
