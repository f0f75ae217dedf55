package org.integrationhub.devsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A real PostgreSQL 17 server from the zonky binaries on Maven Central: no Docker, nothing installed.
 * The tests start an ephemeral one; the local run keeps its data in a folder across restarts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** zonky runs initdb with trust authentication and this superuser. */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedDatabase(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** A throw-away server on a free port, its data deleted when closed. */
    public static EmbeddedDatabase startEphemeral() {
        try {
            return new EmbeddedDatabase(builder().start(), "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A server whose data lives in {@code dataDirectory} and survives restarts; the database
     * {@code database} is created on first start.
     */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port, String database) {
        return startPersistent(dataDirectory, port, database, java.util.Map.of());
    }

    /** The same, with server settings beyond the defaults ({@code shared_buffers=512MB}, ...). */
    public static EmbeddedDatabase startPersistent(Path dataDirectory, int port, String database,
                                                   java.util.Map<String, String> serverConfig) {
        try {
            EmbeddedPostgres.Builder builder = builder();
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(pg, database);
            db.createDatabaseIfAbsent();
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                // enough connections for two services' pools and the tests' own checks
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off");
    }

    private void createDatabaseIfAbsent() {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl(USER, "postgres"));
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                try (var create = c.createStatement()) {
                    create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String database() {
        return database;
    }

    /** {@code jdbc:postgresql://localhost:PORT/DB} without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The Vert.x reactive client's form of the same address. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    /** The Quarkus datasource settings that point a service at this database. */
    public java.util.Map<String, String> quarkusDatasource() {
        return java.util.Map.of(
                "quarkus.datasource.reactive.url", reactiveUrl(),
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", "");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** Stops the server (idempotent); a test that simulates the database going away calls this. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
