package org.integrationhub.devsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A PostgreSQL of one test class's own, for tests that break or stop the database (503 and 500 paths)
 * without disturbing the shared one. Use with {@code scope = TestResourceScope.RESTRICTED_TO_CLASS}.
 */
public class IsolatedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        EmbeddedDatabase db = EmbeddedDatabase.startEphemeral();
        DevDatabase.migrate(db.jdbcUrl(), EmbeddedDatabase.USER, "");
        DevDatabase.seedDevCredentials(db.jdbcUrl(), EmbeddedDatabase.USER, "");
        database = db;
        return db.quarkusDatasource();
    }

    @Override
    public void stop() {
        EmbeddedDatabase db = database;
        if (db != null) {
            db.close();
        }
    }

    /** The running isolated database: tests stop it or change its schema. */
    public static EmbeddedDatabase current() {
        return database;
    }
}
