package org.integrationhub.e2e;

import org.integrationhub.devsupport.DevDatabase;
import org.integrationhub.devsupport.EmbeddedDatabase;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One embedded PostgreSQL and both services started from their packaged jars, each in its own JVM, as
 * they run in production (scheduler and wake-up signal on). Logs go to target/e2e-*.log.
 */
final class RunningHub implements AutoCloseable {

    final EmbeddedDatabase database;
    final String intakeUrl;
    final String processorUrl;
    private final List<Process> processes = new ArrayList<>();

    private RunningHub(EmbeddedDatabase database, String intakeUrl, String processorUrl) {
        this.database = database;
        this.intakeUrl = intakeUrl;
        this.processorUrl = processorUrl;
    }

    static RunningHub start() throws Exception {
        Path intakeJar = jar("hub.intake.jar");
        Path processorJar = jar("hub.processor.jar");
        EmbeddedDatabase database = EmbeddedDatabase.startEphemeral();
        int intakePort = freePort();
        int processorPort = freePort();
        RunningHub hub = new RunningHub(database, "http://127.0.0.1:" + intakePort, "http://127.0.0.1:" + processorPort);
        try {
            hub.launch("intake", intakeJar, intakePort);
            hub.launch("processor", processorJar, processorPort);
            DevDatabase.awaitSchemaThenSeed(database.jdbcUrl(), EmbeddedDatabase.USER, "", Duration.ofSeconds(60));
            awaitReady(hub.intakeUrl);
            awaitReady(hub.processorUrl);
            return hub;
        } catch (Exception | Error e) {
            hub.close();
            throw e;
        }
    }

    private void launch(String name, Path jar, int port) throws IOException {
        Path logs = Path.of(System.getProperty("hub.logs", "target"));
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("e2e-" + name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("HUB_DB_HOST", "127.0.0.1");
        env.put("HUB_DB_PORT", String.valueOf(database.port()));
        env.put("HUB_DB_NAME", database.database());
        env.put("HUB_DB_USER", EmbeddedDatabase.USER);
        env.put("HUB_DB_PASSWORD", "");
        env.put("HUB_PROCESSOR_WORKER_ID", "e2e-" + name);
        processes.add(builder.start());
    }

    private static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isFile()) {
            throw new IllegalStateException(property + " (" + value + ") is not a built jar; build the services first: "
                    + "./mvnw -B verify, or ./mvnw -B package -pl intake-service,processor-service -am");
        }
        return Path.of(value);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(String baseUrl) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(baseUrl + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(1000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(baseUrl + " did not become ready; see target/e2e-*.log");
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        database.close();
    }
}
