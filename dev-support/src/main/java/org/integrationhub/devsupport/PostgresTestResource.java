package org.integrationhub.devsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Starts one embedded PostgreSQL per test JVM, migrates it, seeds the development keys and points
 * the service's reactive and JDBC datasources at it. Every module's Quarkus tests use this class.
 *
 * <p>The server is shared by all test classes of a module (Quarkus may restart the application
 * between classes with different profiles; the database stays), and stopped when the JVM exits.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        EmbeddedDatabase db = shared();
        return db.quarkusDatasource();
    }

    @Override
    public void stop() {
        // shared across test classes: zonky's shutdown hook stops the server when the JVM exits
    }

    /** The running test database, started and prepared on first use. */
    public static synchronized EmbeddedDatabase shared() {
        if (database == null) {
            EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
            DevDatabase.migrate(db.jdbcUrl(), EmbeddedDatabase.USER, "");
            DevDatabase.seedDevCredentials(db.jdbcUrl(), EmbeddedDatabase.USER, "");
            database = db;
        }
        return database;
    }

    /** A plain JDBC connection to the test database, for asserting what was stored. */
    public static Connection connect() throws SQLException {
        return shared().connect();
    }
}
