package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Turns one interface's staging rows into business records. One class per interface; it runs inside
 * the transaction that also marks the row, so the business change and the status commit together.
 */
public interface Applier {

    /** The interface it applies, as in the registry. */
    String interfaceName();

    /**
     * Applies the row on {@code conn} (inside a transaction). Fails with {@link ApplyException} for a row
     * that breaks a rule; any other failure is classified by {@link FailureClassifier}.
     */
    Uni<ApplyOutcome> apply(SqlConnection conn, ClaimedRow row);
}
