package org.integrationhub.e2e.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.integrationhub.devsupport.Await;
import org.integrationhub.e2e.faults.Workload.Batch;
import org.integrationhub.e2e.faults.Workload.Envelope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A partner system posting batches the way a careful client does: a 503 is retried after its Retry-After,
 * a lost connection or a 500 after a short pause, always with the same messageIds, so a retry is safe. It
 * counts every answer it gets; a request that gets no answer within {@link #HANG} counts as a hang.
 */
final class PartnerClient {

    static final String KEY = "his-dev-key";
    static final Duration HANG = Duration.ofSeconds(30);
    private static final Duration PAUSE = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the client saw over one scenario. */
    static final class Counts {
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger answered200 = new AtomicInteger();
        final AtomicInteger answered503 = new AtomicInteger();
        final AtomicInteger answered500 = new AtomicInteger();
        final AtomicInteger answeredOther = new AtomicInteger();
        final AtomicInteger missingRetryAfter = new AtomicInteger();
        final AtomicInteger connectionErrors = new AtomicInteger();
        final AtomicInteger hangs = new AtomicInteger();
        final AtomicInteger lostAnswerBatches = new AtomicInteger();
        final AtomicInteger replayed = new AtomicInteger();
        final AtomicInteger rejected = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    }

    private final String baseUrl;
    private final Ledger ledger;
    private final Counts counts;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    PartnerClient(String baseUrl, Ledger ledger, Counts counts) {
        this.baseUrl = baseUrl;
        this.ledger = ledger;
        this.counts = counts;
    }

    /**
     * Sends every round, each on its own thread, its batches in order; returns when all are answered or
     * {@code deadline} has passed. A batch that could not be delivered by then is reported in {@link Counts#unexpected}.
     */
    void sendAll(List<List<Batch>> rounds, Duration deadline) {
        ExecutorService threads = Executors.newFixedThreadPool(rounds.size());
        long end = System.nanoTime() + deadline.toNanos();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Batch> round : rounds) {
                running.add(threads.submit(() -> {
                    for (Batch batch : round) {
                        send(batch, end);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(Math.max(1, end - System.nanoTime()) + TimeUnit.SECONDS.toNanos(HANG.toSeconds()), TimeUnit.NANOSECONDS);
            }
        } catch (Exception e) {
            counts.unexpected.add("sending did not finish: " + e);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Posts one batch until it is answered 200 or the deadline (System.nanoTime) passes. */
    void send(Batch batch, long deadlineNanos) throws InterruptedException, IOException {
        List<Ledger.Entry> entries = batch.records().stream().map(ledger::sent).toList();
        byte[] body = JSON.writeValueAsBytes(Map.of("records", batch.records().stream().map(Envelope::json).toList()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/interfaces/" + batch.iface() + "/records/batch"))
                .header("X-API-Key", KEY).header("Content-Type", "application/json")
                .timeout(HANG)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        while (System.nanoTime() < deadlineNanos) {
            HttpResponse<byte[]> response;
            counts.requests.incrementAndGet();
            counts.inFlight.incrementAndGet();
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException hang) {
                counts.hangs.incrementAndGet();
                lost(entries);
                continue;
            } catch (IOException connection) {
                counts.connectionErrors.incrementAndGet();
                lost(entries);
                pause(PAUSE);
                continue;
            } finally {
                counts.inFlight.decrementAndGet();
            }
            int status = response.statusCode();
            if (status == 200) {
                counts.answered200.incrementAndGet();
                record(entries, JSON.readTree(response.body()));
                return;
            }
            if (status == 503) {
                counts.answered503.incrementAndGet();
                String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
                if (retryAfter == null) {
                    counts.missingRetryAfter.incrementAndGet();
                }
                pause(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter.trim())));
            } else if (status == 500) {
                counts.answered500.incrementAndGet();
                counts.unexpected.add("500 for a " + batch.iface() + " batch: " + new String(response.body()));
                pause(PAUSE);
            } else {
                counts.answeredOther.incrementAndGet();
                counts.unexpected.add(status + " for a " + batch.iface() + " batch: " + new String(response.body()));
                return;
            }
        }
        counts.unexpected.add("a " + batch.iface() + " batch (" + entries.get(0).envelope.messageId()
                + "...) was not delivered before the deadline");
    }

    private void lost(List<Ledger.Entry> entries) {
        if (entries.stream().anyMatch(e -> !e.answerLost)) {
            counts.lostAnswerBatches.incrementAndGet();
        }
        entries.forEach(e -> e.answerLost = true);
    }

    private void record(List<Ledger.Entry> entries, JsonNode answer) {
        for (JsonNode result : answer.path("results")) {
            Ledger.Entry entry = entries.get(result.path("index").asInt());
            if (result.hasNonNull("receiptId")) {
                UUID receipt = UUID.fromString(result.get("receiptId").asText());
                if (entry.answerLost) {
                    counts.replayed.incrementAndGet();
                }
                if (entry.receiptId != null && !entry.receiptId.equals(receipt)) {
                    counts.unexpected.add("messageId " + entry.envelope.messageId() + " got receipt " + receipt
                            + " after " + entry.receiptId);
                }
                entry.receiptId = receipt;
            } else {
                counts.rejected.incrementAndGet();
                entry.rejection = result.path("errors").toString();
                if (counts.rejected.get() <= 5) {
                    counts.unexpected.add("rejected " + entry.envelope.messageId() + " (" + entry.envelope.iface() + " "
                            + entry.envelope.externalId() + "): " + entry.rejection);
                }
            }
        }
    }

    private static void pause(Duration d) {
        Await.pause(d);
    }
}
