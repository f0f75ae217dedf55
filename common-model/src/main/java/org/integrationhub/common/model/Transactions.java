package org.integrationhub.common.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * The one way the hub holds a connection: a transaction opened by a service, committed when its work
 * succeeds and rolled back when it fails, on a connection that reports its own loss only to the log.
 */
public final class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction on one connection of {@code pool}: commits when it succeeds, rolls
     * back when it fails, and gives the connection back either way (as {@code Pool.withTransaction} does, but
     * with the connection made {@link #quiet} before its BEGIN, so a restart that cuts the BEGIN short stays
     * in the log too).
     */
    public static <T> Uni<T> run(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return pool.getConnection().onItem().transformToUni(conn -> quiet(conn).begin()
                .onItem().transformToUni(tx -> work.apply(conn)
                        .onItem().call(tx::commit)
                        .onFailure().call(() -> tx.rollback().onFailure().recoverWithNull()))
                .eventually(conn::close));
    }

    /**
     * Runs {@code work} in one transaction that survives failed statements which {@code work} recovers itself with
     * {@code ROLLBACK TO SAVEPOINT}: a group commit's rows. Vert.x's own transaction cannot: it marks itself failed
     * at a statement's first failure and rolls back at commit whatever followed (vertx-sql-client#1369), so this one
     * is plain BEGIN and COMMIT statements. {@code work} must let every failure it does not recover pass: COMMIT of
     * a transaction left aborted would roll back without an error, so the COMMIT goes behind a {@code SELECT 1} in
     * the same message, which fails (and the COMMIT is not run) in an aborted transaction.
     */
    public static <T> Uni<T> runWithSavepoints(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return pool.getConnection().onItem().transformToUni(conn -> quiet(conn).query("BEGIN").execute()
                .chain(() -> work.apply(conn))
                .call(() -> conn.query("SELECT 1; COMMIT").execute())
                .onFailure().call(() -> conn.query("ROLLBACK").execute().onFailure().recoverWithNull())
                .eventually(conn::close));
    }

    /**
     * A connection the database drops while it is held (a restart, {@code pg_terminate_backend}) fails the
     * statement in flight or the next one, and the caller handles that. Without an exception handler Vert.x
     * also prints the exception to standard error, outside the log and its format, once per held connection
     * (vertx-sql-client's {@code SqlConnectionBase.handleException}); this handler keeps it at DEBUG.
     */
    public static <C extends SqlConnection> C quiet(C conn) {
        conn.exceptionHandler(failure -> LOG.debugf("a held connection failed: %s", failure.getMessage()));
        return conn;
    }
}
