package org.integrationhub.devsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 spoken byte for byte over a socket, for tests of what an HTTP client library will not send: a
 * malformed escape in the path, an oversized request line or header, a request without Content-Type, a chunked
 * body. The request is sent with {@code Connection: close} and the answer read to the end.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    private RawHttp(int port) {
        this.port = port;
    }

    /** A client of the service listening on {@code port} of this machine. */
    public static RawHttp to(int port) {
        return new RawHttp(port);
    }

    /** Sends {@code head} (request line and headers, without the closing blank line) and {@code body} as given. */
    public Answer send(String head, byte[] body) {
        return exchange(head, out -> out.write(body));
    }

    /**
     * Sends {@code head} with {@code Transfer-Encoding: chunked} and {@code body} in chunks of {@code chunkSize}
     * bytes, so the server cannot know the body's length in advance. The body is written on another thread while
     * the answer is read, as a server may answer (and close) before the body is all sent.
     */
    public Answer sendChunked(String head, byte[] body, int chunkSize) {
        return exchange(head + "\r\nTransfer-Encoding: chunked", out -> {
            for (int at = 0; at < body.length; at += chunkSize) {
                int length = Math.min(chunkSize, body.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /**
     * Sends {@code head} and {@code body} as a plain blocking client does: the whole body first, on this thread, and
     * only then reads the answer. Unlike {@link #send}, the request keeps the connection alive (no
     * {@code Connection: close}), as most clients' requests do, so it is the server that must close it. A server
     * that answers early and closes while the body is still arriving makes this client's write fail (broken pipe,
     * connection reset) before it could read the answer, which is then thrown as an {@link UncheckedIOException}.
     */
    public Answer sendWholeBodyFirst(String head, byte[] body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost:" + port + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return Answer.parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private Answer exchange(String head, BodyWriter body) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    body.write(out);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed before the whole body was sent: the answer tells why
                }
            });
            Answer answer = Answer.parse(socket.getInputStream().readAllBytes());
            sending.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer: status, headers (names in lower case) and the body as text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /**
         * Fails unless this is an RFC 9457 problem of {@code status}: that status, {@code application/problem+json},
         * and a body whose {@code status} matches, with a type, a correlation id and an {@code errors} array.
         * Returns the body for further checks.
         */
        public JsonNode requireProblem(int status) {
            require(this.status == status, "status " + status);
            String type = header("Content-Type");
            require(type != null && type.startsWith("application/problem+json"), "Content-Type application/problem+json");
            JsonNode problem;
            try {
                problem = new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("a JSON body, in " + this, e);
            }
            require(problem.path("status").asInt() == status, "body status " + status);
            require(problem.path("type").asText().startsWith("urn:integration-hub:problem:"), "a problem type");
            require(!problem.path("correlationId").asText().isBlank(), "a correlationId");
            require(problem.path("errors").isArray(), "an errors array");
            return problem;
        }

        private void require(boolean holds, String expected) {
            if (!holds) {
                throw new AssertionError("expected " + expected + " in " + this);
            }
        }

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                throw new IllegalStateException("No complete HTTP answer: " + text);
            }
            String[] lines = text.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunk(byte[] chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = new java.io.ByteArrayInputStream(chunked);
            try {
                while (true) {
                    StringBuilder size = new StringBuilder();
                    for (int c = in.read(); c != '\n' && c >= 0; c = in.read()) {
                        if (c != '\r') {
                            size.append((char) c);
                        }
                    }
                    int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
                    if (length == 0) {
                        return out.toByteArray();
                    }
                    out.write(in.readNBytes(length));
                    in.readNBytes(2);
                }
            } catch (IOException | NumberFormatException e) {
                return out.toByteArray();
            }
        }
    }
}
