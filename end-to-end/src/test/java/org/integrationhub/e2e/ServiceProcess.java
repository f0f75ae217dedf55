package org.integrationhub.e2e;

import org.integrationhub.devsupport.Await;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service as it ships: its packaged jar in a JVM of its own, output to a log file. Stopped the ways
 * production stops it: SIGTERM ({@link #terminate}) or SIGKILL ({@link #kill}).
 */
public final class ServiceProcess {

    public final String name;
    public final int port;
    public final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code jar} listening on {@code port}, with the shipped JVM options (system property
     * {@code hub.jvm.options}), these environment variables and system properties; does not wait for it to be ready.
     */
    public static ServiceProcess launch(String name, Path jar, int port, Map<String, String> env,
                                        Map<String, String> properties, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String jvmOptions = System.getProperty("hub.jvm.options");
        if (jvmOptions != null) {
            command.add("@" + jvmOptions); // as ./run-local and a pod run them (deploy/jvm.options)
        }
        command.add("-Dquarkus.http.port=" + port);
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        return new ServiceProcess(name, port, log, builder.start());
    }

    /** The built jar a system property names, or a message saying how to build it. */
    public static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null || !new File(value).isFile()) {
            throw new IllegalStateException(property + " (" + value + ") is not a built jar; build the services first: "
                    + "./mvnw -B verify, or ./mvnw -B package -pl intake-service,processor-service -am");
        }
        return Path.of(value);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process died. */
    public ServiceProcess awaitReady(Duration timeout) {
        Await.until(name + " ready at " + url() + " (see " + log + ")", timeout, Duration.ofMillis(200), () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(5000);
            return c.getResponseCode();
        }, status -> status == 200);
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited; see " + log);
        }
        return this;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** kill -9: the JVM gets no chance to clean up. Returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, as Kubernetes stops a pod; answers the exit code, or null if it did not exit in time. */
    public Integer terminate(Duration timeout) {
        process.destroy();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Stops it: SIGTERM, and SIGKILL if it has not exited after {@code grace}. */
    public void stop(Duration grace) {
        if (process.isAlive() && terminate(grace) == null) {
            kill();
        }
    }

    /** The log's length now: pass it to {@link #logSince} to read what was written after this moment. */
    public long logMark() {
        return log.toFile().length();
    }

    /** The log lines written since {@code mark}. */
    public List<String> logSince(long mark) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark)];
            file.seek(Math.min(mark, length));
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
