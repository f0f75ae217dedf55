package org.integrationhub.processor.staging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import java.sql.SQLException;
import java.util.stream.Collectors;

import static org.integrationhub.processor.StagingFixture.count;

/** Workers as the scheduler runs them, for tests that put several on one backlog. */
final class Workers {

    private Workers() {
    }

    /** A worker that claims and applies batches until a claim comes back empty; answers the rows it claimed. */
    static Uni<Integer> worker(StagingProcessor processor, String interfaceName, String name, int batchSize) {
        return Multi.createBy().repeating().uni(() -> processor.processBatch(interfaceName, batchSize, name))
                .whilst(n -> n > 0)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    /**
     * A worker as the scheduler runs one: an empty claim (everything left is locked by the others, or waits
     * out a backoff) only ends its turn; it stops when no row of the run ({@code external_id LIKE like}) is
     * left unfinished.
     */
    static Uni<Integer> polling(StagingProcessor processor, String interfaceName, String name, int batchSize,
                                String like) {
        return Multi.createBy().repeating()
                .uni(() -> worker(processor, interfaceName, name, batchSize)
                        .chain(claimed -> Uni.createFrom().item(() -> unfinished(interfaceName, like))
                                // the backlog check is plain JDBC: off the event loop
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                                .map(left -> new long[] {claimed, left})))
                .whilst(turn -> turn[1] > 0)
                .collect().with(Collectors.summingInt(turn -> (int) turn[0]));
    }

    static long unfinished(String interfaceName, String like) {
        try {
            return count("SELECT count(*) FROM staging_record WHERE interface = ? AND external_id LIKE ?"
                    + " AND status IN ('PENDING', 'PROCESSING')", interfaceName, like);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
