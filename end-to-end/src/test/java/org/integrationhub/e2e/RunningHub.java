package org.integrationhub.e2e;

import org.integrationhub.devsupport.DevDatabase;
import org.integrationhub.devsupport.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One embedded PostgreSQL and both services started from their packaged jars, each in its own JVM, as
 * they run in production (scheduler and wake-up signal on). {@link #start()} is the plain hub of the
 * end-to-end tests (logs in target/e2e-*.log); {@link #startRestartable} is the fault suite's: a database
 * it can stop and start again on the same port and data directory, an intake it can restart on the same
 * port, and any number of processors, each with its own worker id and log.
 */
public final class RunningHub implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(90);

    private final Supplier<EmbeddedDatabase> databaseStarter;
    private final Path logs;
    private final String logPrefix;
    private final Path intakeJar = ServiceProcess.jar("hub.intake.jar");
    private final Path processorJar = ServiceProcess.jar("hub.processor.jar");
    private final int intakePort;
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private final List<ServiceProcess> processors = new CopyOnWriteArrayList<>();
    private final Thread killOnExit = new Thread(this::killAll, "hub-kill-on-exit");
    /** System properties every service of this hub starts with. */
    private final Map<String, String> serviceProperties;
    /** Whether the services log JSON lines, as in production (the fault suite's log scan reads text). */
    private final boolean jsonLogs;
    private volatile EmbeddedDatabase database;
    private volatile ServiceProcess intake;
    private int intakeLaunches;

    /** The intake's address; it stays the same across intake restarts. */
    public final String intakeUrl;
    /** The first processor's address. */
    public String processorUrl;

    private RunningHub(Supplier<EmbeddedDatabase> databaseStarter, Path logs, String logPrefix,
                       Map<String, String> serviceProperties, boolean jsonLogs) throws IOException {
        this.databaseStarter = databaseStarter;
        this.serviceProperties = serviceProperties;
        this.jsonLogs = jsonLogs;
        this.logs = logs;
        this.logPrefix = logPrefix;
        this.intakePort = ServiceProcess.freePort();
        this.intakeUrl = "http://127.0.0.1:" + intakePort;
        // a test JVM that is stopped must not leave services behind
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** An ephemeral database, the intake and one processor (worker {@code e2e-processor}), logging JSON lines. */
    public static RunningHub start() throws Exception {
        return start(Map.of());
    }

    /** The same, every service started with {@code properties} as system properties. */
    public static RunningHub start(Map<String, String> properties) throws Exception {
        RunningHub hub = new RunningHub(EmbeddedDatabase::startEphemeral, logDirectory(), "e2e-", properties, true);
        return hub.boot(List.of("e2e-processor"), Map.of());
    }

    /**
     * A database in {@code dataDirectory} (wiped first) that {@link #stopDatabase} and {@link #startDatabase}
     * stop and start on the same port, the intake, and one processor per worker id, each started with
     * {@code processorProperties} as system properties. Logs go to {@code logs}.
     */
    public static RunningHub startRestartable(Path dataDirectory, Path logs, List<String> processors,
                                              Map<String, String> processorProperties) throws Exception {
        deleteRecursively(dataDirectory);
        try (var old = java.nio.file.Files.newDirectoryStream(java.nio.file.Files.createDirectories(logs), "*.log")) {
            for (Path log : old) {
                java.nio.file.Files.delete(log); // a previous run's
            }
        }
        int port = ServiceProcess.freePort();
        RunningHub hub = new RunningHub(() -> EmbeddedDatabase.startPersistent(dataDirectory, port, "hub"), logs, "",
                Map.of(), false);
        return hub.boot(processors, processorProperties);
    }

    private RunningHub boot(List<String> processors, Map<String, String> processorProperties) throws Exception {
        try {
            database = databaseStarter.get();
            intake = launchIntake();
            List<ServiceProcess> launched = new ArrayList<>();
            for (String worker : processors) {
                launched.add(launchProcessor(worker, processorProperties));
            }
            DevDatabase.awaitSchemaThenSeed(database.jdbcUrl(), EmbeddedDatabase.USER, "", Duration.ofSeconds(60));
            intake.awaitReady(READY);
            for (ServiceProcess p : launched) {
                p.awaitReady(READY);
            }
            processorUrl = launched.isEmpty() ? null : launched.get(0).url();
            return this;
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private static Path logDirectory() {
        return Path.of(System.getProperty("hub.logs", "target"));
    }

    private Map<String, String> databaseEnv() {
        return Map.of(
                "HUB_DB_HOST", "127.0.0.1",
                "HUB_DB_PORT", String.valueOf(database.port()),
                "HUB_DB_NAME", database.database(),
                "HUB_DB_USER", EmbeddedDatabase.USER,
                "HUB_DB_PASSWORD", "",
                "HUB_LOG_JSON", String.valueOf(jsonLogs));
    }

    private ServiceProcess launchIntake() throws IOException {
        intakeLaunches++;
        String name = intakeLaunches == 1 ? "intake" : "intake-" + intakeLaunches;
        ServiceProcess p = ServiceProcess.launch(name, intakeJar, intakePort, databaseEnv(), serviceProperties,
                logs.resolve(logPrefix + name + ".log"));
        started.add(p);
        return p;
    }

    private ServiceProcess launchProcessor(String workerId, Map<String, String> properties) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(databaseEnv());
        env.put("HUB_PROCESSOR_WORKER_ID", workerId);
        // its database sessions carry the worker id (pg_stat_activity, and the fault suite's write counter)
        Map<String, String> props = new java.util.LinkedHashMap<>(serviceProperties);
        props.putAll(properties);
        props.putIfAbsent("quarkus.datasource.reactive.additional-properties.application_name", workerId);
        String name = workerId.startsWith(logPrefix) ? workerId : logPrefix + workerId;
        ServiceProcess p = ServiceProcess.launch(workerId, processorJar, ServiceProcess.freePort(), env, props,
                logs.resolve(name + ".log"));
        started.add(p);
        processors.add(p);
        return p;
    }

    /** Starts one more processor with its own worker id and waits until it is ready. */
    public ServiceProcess startProcessor(String workerId, Map<String, String> properties) throws IOException {
        return launchProcessor(workerId, properties).awaitReady(READY);
    }

    /** Starts one more processor, as Kubernetes replaces a pod, without waiting for it: {@link ServiceProcess#awaitReady} does. */
    public ServiceProcess launchProcessor(String workerId) throws IOException {
        return launchProcessor(workerId, Map.of());
    }

    public ServiceProcess intake() {
        return intake;
    }

    /** Starts a new intake on the same port (the previous one must have exited) and waits until it is ready. */
    public ServiceProcess restartIntake() throws IOException {
        if (intake.alive()) {
            throw new IllegalStateException("the intake is still running");
        }
        intake = launchIntake().awaitReady(READY);
        return intake;
    }

    /** The processors still running. */
    public List<ServiceProcess> processors() {
        return processors.stream().filter(ServiceProcess::alive).toList();
    }

    /** Stops PostgreSQL (fast shutdown: open sessions are ended) while the services keep running. */
    public void stopDatabase() {
        database.close();
    }

    /** Starts PostgreSQL again on the same port and data directory. */
    public void startDatabase() {
        database = databaseStarter.get();
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public Connection connect() throws SQLException {
        return database.connect();
    }

    private void killAll() {
        for (ServiceProcess p : started) {
            if (p.alive()) {
                p.kill();
            }
        }
    }

    @Override
    public void close() {
        for (ServiceProcess p : started) {
            p.stop(Duration.ofSeconds(20));
        }
        if (database != null) {
            database.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!java.nio.file.Files.exists(path)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(p);
            }
        }
    }
}
