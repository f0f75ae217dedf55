package org.integrationhub.deploy;

import org.integrationhub.devsupport.DevDatabase;
import org.integrationhub.devsupport.EmbeddedDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The database half of {@code ./run-local}: starts an embedded PostgreSQL whose data survives restarts
 * (or uses an existing one), waits until the services' migrations have made the schema, seeds the
 * development credentials, and stays up until it is stopped; its shutdown hook stops PostgreSQL.
 *
 * <pre>
 * LocalDatabase --data-dir .local/pgdata --port 55432 --database hub
 * LocalDatabase --jdbc-url jdbc:postgresql://host:5432/db --user u --password p
 * LocalDatabase ... --server-config shared_buffers=512MB     (any server setting, repeatable)
 * </pre>
 * It prints {@code DATABASE READY port=N} once PostgreSQL accepts connections and
 * {@code CREDENTIALS READY} once the development keys exist.
 */
public final class LocalDatabase {

    private LocalDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(".local/pgdata");
        int port = 55432;
        String database = "hub";
        String jdbcUrl = null;
        String user = EmbeddedDatabase.USER;
        String password = "";
        java.util.Map<String, String> serverConfig = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--database" -> database = args[++i];
                case "--jdbc-url" -> jdbcUrl = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--server-config" -> {
                    String[] setting = args[++i].split("=", 2);
                    serverConfig.put(setting[0], setting[1]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        EmbeddedDatabase embedded = null;
        if (jdbcUrl == null) {
            Files.createDirectories(dataDir);
            embedded = EmbeddedDatabase.startPersistent(dataDir.toAbsolutePath(), port, database, serverConfig);
            jdbcUrl = embedded.jdbcUrl();
            System.out.println("DATABASE READY port=" + embedded.port() + " database=" + database);
        } else {
            System.out.println("DATABASE READY external");
        }
        System.out.flush();

        DevDatabase.awaitSchemaThenSeed(jdbcUrl, user, password, Duration.ofMinutes(5));
        System.out.println("CREDENTIALS READY");
        System.out.flush();

        // Stay up until stopped; zonky's shutdown hook stops PostgreSQL on SIGINT/SIGTERM.
        CountDownLatch forever = new CountDownLatch(1);
        EmbeddedDatabase started = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (started != null) {
                started.close();
            }
            forever.countDown();
        }, "local-database-stop"));
        forever.await();
    }
}
