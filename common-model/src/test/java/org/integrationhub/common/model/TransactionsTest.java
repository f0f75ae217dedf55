package org.integrationhub.common.model;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import org.integrationhub.devsupport.EmbeddedDatabase;
import org.integrationhub.devsupport.StandardError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A held connection that the database terminates, on a real PostgreSQL. */
class TransactionsTest {

    static EmbeddedDatabase server;
    static Vertx vertx;
    static Pool pool;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.startEphemeral();
        vertx = Vertx.vertx();
        PgConnectOptions options = PgConnectOptions.fromUri(server.jdbcUrl().replace("jdbc:", ""))
                .setUser(EmbeddedDatabase.USER);
        pool = PgBuilder.pool().connectingTo(options).using(vertx).build();
    }

    @AfterAll
    static void stop() {
        pool.closeAndAwait();
        vertx.closeAndAwait();
        server.close();
    }

    @Test
    void aTerminatedConnectionFailsTheWorkAndWritesNothingToStandardError() throws Exception {
        String printed = StandardError.during(() -> assertThatThrownBy(() -> Transactions.run(pool,
                        conn -> terminatedThenQueried(conn)).await().atMost(Duration.ofSeconds(30)))
                .satisfies(failure -> assertThat(DatabaseFaults.isUnavailable(failure)).as(failure.toString()).isTrue()));

        assertThat(printed).isEmpty();
    }

    /**
     * The control: the same sequence on a connection without the handler prints the exception, so the test
     * above meets the condition it guards against. When Vert.x stops printing, this fails and
     * {@link Transactions#quiet} can go.
     */
    @Test
    void withoutTheHandlerVertxPrintsTheTerminationToStandardError() throws Exception {
        String printed = StandardError.during(() -> assertThatThrownBy(() -> pool.withTransaction(
                        this::terminatedThenQueried).await().atMost(Duration.ofSeconds(30)))
                .isNotNull());

        assertThat(printed).contains("57P01");
    }

    /** Terminates the connection's backend from outside, waits for the connection to close, then uses it. */
    private Uni<Void> terminatedThenQueried(SqlConnection conn) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        conn.closeHandler(() -> closed.complete(null));
        return conn.query("SELECT pg_backend_pid()").execute()
                .map(rows -> rows.iterator().next().getInteger(0))
                .chain(pid -> Uni.createFrom().item(() -> {
                    terminate(pid);
                    closed.orTimeout(30, TimeUnit.SECONDS).join();
                    return pid;
                }).runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()))
                .chain(pid -> conn.query("SELECT 1").execute())
                .replaceWithVoid();
    }

    private static void terminate(int pid) {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(" + pid + ")");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
