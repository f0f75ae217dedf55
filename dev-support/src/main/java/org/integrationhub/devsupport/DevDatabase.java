package org.integrationhub.devsupport;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Prepares a database for the tests and the local run: the project's Flyway migrations (the same
 * files the services run) and the documented development credentials.
 */
public final class DevDatabase {

    private static final String CREDENTIALS_SQL = "/dev/dev-credentials.sql";

    private DevDatabase() {
    }

    /** Runs the migrations found on the classpath under {@code db/migration}. */
    public static void migrate(String jdbcUrl, String user, String password) {
        Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Inserts the development keys when absent (needs the schema). */
    public static void seedDevCredentials(String jdbcUrl, String user, String password) {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute(devCredentialsSql());
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert the development credentials", e);
        }
    }

    /**
     * Waits until the services' migrations have created the key and account tables, then seeds the development
     * keys. The local run uses this so that the services, not the launcher, own the migrations.
     */
    public static void awaitSchemaThenSeed(String jdbcUrl, String user, String password, Duration timeout)
            throws InterruptedException {
        String credentials = devCredentialsSql(); // read first: a missing file is no reason to wait
        Await.Outcome<Boolean> seeded = Await.poll(timeout, Duration.ofMillis(250),
                () -> seedOnceTheSchemaIsThere(jdbcUrl, user, password, credentials), Boolean.TRUE::equals);
        if (!seeded.met()) {
            throw new IllegalStateException("could not seed the development credentials: the schema did not appear"
                    + " within " + timeout, seeded.lastFailure());
        }
    }

    /** Seeds the development credentials if their tables exist; answers whether it did. */
    private static boolean seedOnceTheSchemaIsThere(String jdbcUrl, String user, String password, String credentials)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT to_regclass('public.api_key') IS NOT NULL AND to_regclass('public.operator_account') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
            s.execute(credentials);
            return true;
        }
    }

    static String devCredentialsSql() {
        try (InputStream in = DevDatabase.class.getResourceAsStream(CREDENTIALS_SQL)) {
            if (in == null) {
                throw new IllegalStateException(CREDENTIALS_SQL + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
