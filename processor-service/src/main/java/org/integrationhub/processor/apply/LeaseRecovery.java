package org.integrationhub.processor.apply;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.processor.job.JobArgs;
import java.util.List;
import java.util.Set;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The {@code staging.recover} job target: rows whose worker died go back to PENDING when their lease ends. */
@ApplicationScoped
public class LeaseRecovery implements org.integrationhub.processor.job.JobTarget {

    private static final Logger LOG = Logger.getLogger(LeaseRecovery.class);

    @Inject
    StagingClaimRepository claims;

    @Override
    public String name() {
        return "staging.recover";
    }

    @Override
    public void checkArgs(JsonNode args, List<FieldError> errors) {
        JobArgs.only(args, Set.of(), errors);
    }

    @Override
    public Uni<Integer> run(JsonObject args) {
        return claims.recoverExpired().invoke(n -> {
            if (n > 0) {
                LOG.warnf("put %d rows with expired leases back to PENDING", n);
            }
        });
    }
}
