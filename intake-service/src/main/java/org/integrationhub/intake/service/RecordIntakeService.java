package org.integrationhub.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.Transactions;
import org.integrationhub.common.model.UuidV7;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.registry.Reference;
import org.integrationhub.common.security.Caller;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.validation.Canonical;
import org.integrationhub.common.validation.Envelope;
import org.integrationhub.common.validation.EnvelopeReader;
import org.integrationhub.common.tracing.Traces;
import org.integrationhub.common.validation.InstantRange;
import org.integrationhub.intake.config.IntakeConfig;
import org.integrationhub.intake.repository.BatchRequestRepository;
import org.integrationhub.intake.repository.ReferenceRepository;
import org.integrationhub.intake.repository.StagingWriteRepository;
import org.integrationhub.intake.repository.StagingWriteRepository.NewRow;
import org.integrationhub.intake.repository.StagingWriteRepository.RequestContext;
import org.integrationhub.intake.repository.StagingWriteRepository.StoredRequest;
import org.jboss.logging.MDC;

import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accepts partner records: checks each (envelope, fields, who sent it), resolves every reference for the
 * whole request in one query per kind, and stores all accepted records in one statement with their
 * receipts. A single record is a batch of one; a rejected record stores nothing.
 */
@ApplicationScoped
public class RecordIntakeService {

    /** Most records one batch request may carry. */
    public static final int MAX_BATCH = 1000;

    @Inject
    ReferenceRepository references;
    @Inject
    StagingWriteRepository staging;
    @Inject
    org.integrationhub.intake.repository.PendingSignal signal;
    @Inject
    BatchRequestRepository batches;
    @Inject
    IntakeConfig config;
    @Inject
    Pool pool;
    @Inject
    ObjectMapper json;
    @Inject
    org.integrationhub.common.model.DatabaseOutage outage;
    @Inject
    MeterRegistry registry;

    Clock clock = Clock.systemUTC();
    /** Looked up once per interface: building a meter's id on every request showed in the intake's profile. */
    private final Map<String, RecordCounters> counters = new ConcurrentHashMap<>();

    /** The interface, or a 404 problem; then a 403 when the caller's key does not grant it. */
    public InterfaceDefinition interfaceFor(String name, Caller caller) {
        InterfaceDefinition definition = InterfaceRegistry.find(name).orElseThrow(() -> ProblemException.notFound(
                "No interface '" + name + "'; GET /api/v1/interfaces lists them"));
        if (!caller.mayUse(definition.name())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Your API key is not allowed to send " + definition.name() + " records");
        }
        return definition;
    }

    /**
     * One record; fails with the problem of its first kind of fault (400, 403, 422), listing every fault.
     *
     * @param idempotencyKey the Idempotency-Key header, or null to use the envelope's messageId
     */
    public Uni<Candidate> acceptOne(InterfaceDefinition definition, Caller caller, byte[] body, String idempotencyKey) {
        return one(definition, caller, body, idempotencyKey, false);
    }

    /**
     * One record checked as {@link #acceptOne} checks it, references included (records waiting in staging count),
     * and fails as it would; nothing is stored and no receipt is made. Its idempotency key counts as it would
     * ({@link #wouldReplay}) but is not spent.
     */
    public Uni<Candidate> tryOne(InterfaceDefinition definition, Caller caller, byte[] body, String idempotencyKey) {
        return one(definition, caller, body, idempotencyKey, true);
    }

    private Uni<Candidate> one(InterfaceDefinition definition, Caller caller, byte[] body, String idempotencyKey,
                               boolean dryRun) {
        Candidate candidate = new Candidate(0, "", EnvelopeReader.parse(body));
        check(candidate, definition, caller, idempotencyKey, config.sentAtRange(clock), request());
        Uni<?> done = dryRun ? resolveReferences(definition, caller, List.of(candidate))
                .chain(() -> wouldReplay(definition, caller, List.of(candidate)))
                : process(definition, caller, List.of(candidate), pool);
        return done.map(all -> {
            if (!dryRun) {
                count(definition, List.of(candidate));
            }
            if (!candidate.alive()) {
                List<FieldError> errors = candidate.errors();
                throw new ProblemException(candidate.rejection(),
                        errors.size() == 1 ? errors.get(0).message() : errors.size() + " faults in the record", errors);
            }
            return candidate;
        });
    }

    /** The trace context and correlation id of the request being answered, read while it is current. */
    private static RequestContext request() {
        Object correlationId = MDC.get("correlationId");
        return new RequestContext(Traces.currentTraceParent(), correlationId == null ? null : correlationId.toString());
    }

    /**
     * hub_records_accepted_total and hub_records_rejected_total per interface: records stored (not replays of
     * stored ones) and records refused, by real calls; dry runs count nothing.
     */
    private void count(InterfaceDefinition definition, List<Candidate> candidates) {
        long accepted = candidates.stream().filter(c -> c.alive() && !c.replayed).count();
        long rejected = candidates.stream().filter(c -> !c.alive()).count();
        RecordCounters counters = counters(definition.name());
        counters.accepted().increment(accepted);
        counters.rejected().increment(rejected);
    }

    private record RecordCounters(Counter accepted, Counter rejected) {
    }

    private RecordCounters counters(String interfaceName) {
        return counters.computeIfAbsent(interfaceName, name -> new RecordCounters(
                Counter.builder("hub.records.accepted").description("Records stored with a new receipt")
                        .tags("interface", name).register(registry),
                Counter.builder("hub.records.rejected").description("Records refused (400, 403, 422 or REJECTED in a batch)")
                        .tags("interface", name).register(registry)));
    }

    /** Every interface's counters from 0, so that a rate sees their first increment. */
    void registerCounters(@Observes StartupEvent event) {
        for (InterfaceDefinition d : InterfaceRegistry.all()) {
            counters(d.name());
        }
    }

    /** A batch's answer, and whether it is the replay of an earlier request with the same Idempotency-Key. */
    public record BatchOutcome(String resultJson, boolean replayed) {
    }

    /**
     * Up to {@value #MAX_BATCH} records, each accepted or rejected on its own. With an idempotency key the
     * answer is stored with the rows, in one transaction, and the same key and body answer it again.
     */
    public Uni<BatchOutcome> acceptBatch(InterfaceDefinition definition, Caller caller, byte[] body,
                                         String idempotencyKey) {
        JsonNode root = EnvelopeReader.parse(body);
        List<Candidate> candidates = candidates(definition, caller, root);
        if (idempotencyKey == null) {
            return process(definition, caller, candidates, pool).map(all -> {
                count(definition, all);
                return new BatchOutcome(encode(all), false);
            });
        }
        byte[] digest = Canonical.sha256(root);
        return replayBatch(definition, caller, idempotencyKey, digest).chain(replay -> replay != null
                ? Uni.createFrom().item(replay)
                : resolveReferences(definition, caller, candidates)
                        .chain(() -> Transactions.run(pool, conn -> store(definition, caller, candidates, conn)
                                .chain(() -> {
                                    String result = encode(candidates);
                                    return batches.insert(conn, definition.name(), caller.sourceSystem(),
                                            idempotencyKey, digest, result).invoke(stored -> {
                                        if (!stored) {
                                            // a concurrent request with this key won: undo ours, answer its result
                                            throw new KeyTakenException();
                                        }
                                    }).replaceWith(new BatchOutcome(result, false));
                                }))
                                .invoke(() -> count(definition, candidates)))
                        .onFailure(KeyTakenException.class).recoverWithUni(() ->
                                replayBatch(definition, caller, idempotencyKey, digest)));
    }

    /**
     * A batch checked as {@link #acceptBatch} checks it, each record on its own and references included (earlier
     * and later records of the batch and records waiting in staging count); nothing is stored, no receipt is made.
     * The idempotency keys count as they would, unspent: the batch's key answers the stored result of the batch it
     * was used for (a 422 for another body), each record's messageId as {@link #wouldReplay} says.
     */
    public Uni<BatchOutcome> tryBatch(InterfaceDefinition definition, Caller caller, byte[] body,
                                      String idempotencyKey) {
        JsonNode root = EnvelopeReader.parse(body);
        List<Candidate> candidates = candidates(definition, caller, root);
        Uni<BatchOutcome> replay = idempotencyKey == null ? Uni.createFrom().nullItem()
                : replayBatch(definition, caller, idempotencyKey, Canonical.sha256(root));
        return replay.chain(replayed -> replayed != null ? Uni.createFrom().item(replayed)
                : resolveReferences(definition, caller, candidates)
                        .chain(() -> wouldReplay(definition, caller, candidates))
                        .map(v -> {
                            try {
                                return new BatchOutcome(json.writeValueAsString(BatchResult.tried(candidates)), false);
                            } catch (JsonProcessingException e) {
                                throw new IllegalStateException("cannot encode a batch result", e);
                            }
                        }));
    }

    /**
     * What the idempotency keys of a dry run's records would do if they were sent: a key stored with the same
     * body replays that receipt, with another body it is refused; a key an earlier record of the same request
     * uses is a replay of that record (same body) or refused (another), as storing them in order would make it.
     */
    private Uni<Void> wouldReplay(InterfaceDefinition definition, Caller caller, List<Candidate> candidates) {
        List<String> keys = candidates.stream().filter(c -> c.alive() && c.idempotencyKey != null)
                .map(c -> c.idempotencyKey).distinct().toList();
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return staging.findByIdempotencyKeys(pool, definition.name(), caller.sourceSystem(), keys).invoke(stored -> {
            Map<String, byte[]> earlier = new HashMap<>();
            for (Candidate c : candidates) {
                if (!c.alive() || c.idempotencyKey == null) {
                    continue;
                }
                StoredRequest original = stored.get(c.idempotencyKey);
                byte[] first = earlier.putIfAbsent(c.idempotencyKey, c.digest);
                if (original != null) {
                    replay(c, original);
                } else if (first != null && MessageDigest.isEqual(first, c.digest)) {
                    c.replayed = true;
                } else if (first != null) {
                    rejectReusedKey(c);
                }
            }
        }).replaceWithVoid();
    }

    /** The stored answer for this key and body; a 422 for another body; null when the key is new. */
    private Uni<BatchOutcome> replayBatch(InterfaceDefinition definition, Caller caller, String key, byte[] digest) {
        return batches.find(definition.name(), caller.sourceSystem(), key).map(found -> {
            if (found.isEmpty()) {
                return null;
            }
            if (!MessageDigest.isEqual(found.get().requestHash(), digest)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency key '" + key + "' was already used for another batch; use a new key for each batch",
                        List.of(new FieldError("Idempotency-Key", ErrorCode.NOT_ALLOWED,
                                "Idempotency key '" + key + "' was already used for another batch")));
            }
            return new BatchOutcome(found.get().resultJson(), true);
        });
    }

    private String encode(List<Candidate> candidates) {
        try {
            return json.writeValueAsString(BatchResult.of(candidates));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a batch result", e);
        }
    }

    /** Another request stored the same batch key first. */
    private static final class KeyTakenException extends RuntimeException {
        KeyTakenException() {
            super(null, null, false, false);
        }
    }

    private List<Candidate> candidates(InterfaceDefinition definition, Caller caller, JsonNode root) {
        JsonNode records = root.get("records");
        List<FieldError> shape = new ArrayList<>();
        if (!root.isObject()) {
            shape.add(new FieldError("$", ErrorCode.INVALID_FORMAT, "The body must be {\"records\": [...]}"));
        } else {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("records")) {
                    shape.add(new FieldError(name, ErrorCode.UNKNOWN_FIELD, "'" + name + "' is not a field of a batch"));
                }
            }
            if (records == null || records.isNull()) {
                shape.add(new FieldError("records", ErrorCode.REQUIRED, "records is required: an array of envelopes"));
            } else if (!records.isArray()) {
                shape.add(new FieldError("records", ErrorCode.INVALID_FORMAT, "records must be an array of envelopes"));
            } else if (records.isEmpty()) {
                shape.add(new FieldError("records", ErrorCode.REQUIRED, "records must hold at least one envelope"));
            } else if (records.size() > MAX_BATCH) {
                shape.add(new FieldError("records", ErrorCode.TOO_LONG,
                        "records holds " + records.size() + " envelopes; a batch takes at most " + MAX_BATCH));
            }
        }
        if (!shape.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, shape.get(0).message(), shape);
        }
        List<Candidate> candidates = new ArrayList<>(records.size());
        InstantRange sentAtRange = config.sentAtRange(clock);
        // the request's trace context and correlation id, which every record it brings keeps
        RequestContext request = request();
        for (int i = 0; i < records.size(); i++) {
            Candidate candidate = new Candidate(i, "records[" + i + "].", records.get(i));
            check(candidate, definition, caller, null, sentAtRange, request);
            candidates.add(candidate);
        }
        return candidates;
    }

    private void check(Candidate c, InterfaceDefinition definition, Caller caller, String idempotencyKey,
                       InstantRange sentAtRange, RequestContext request) {
        c.request = request;
        List<FieldError> errors = new ArrayList<>();
        Envelope envelope = EnvelopeReader.validate(c.node, c.pathPrefix, definition, sentAtRange, errors);
        if (envelope == null) {
            c.reject(ProblemType.VALIDATION_FAILED, errors);
            return;
        }
        c.envelope = envelope;
        if (!envelope.sourceSystem().equals(caller.sourceSystem())) {
            c.reject(ProblemType.FORBIDDEN, new FieldError(c.pathPrefix + "sourceSystem", ErrorCode.NOT_ALLOWED,
                    "sourceSystem '" + envelope.sourceSystem() + "' is not your key's source system '"
                            + caller.sourceSystem() + "'"));
            return;
        }
        c.idempotencyKey = idempotencyKey != null ? idempotencyKey : envelope.messageId();
        c.keyFromHeader = idempotencyKey != null;
        // the digest only serves to tell a replay from a reused key
        c.digest = c.idempotencyKey == null ? null : Canonical.sha256(c.node);
        c.receiptId = UuidV7.next();
    }

    private Uni<List<Candidate>> process(InterfaceDefinition definition, Caller caller, List<Candidate> candidates,
                                         SqlClient client) {
        return resolveReferences(definition, caller, candidates)
                .chain(() -> store(definition, caller, candidates, client))
                .replaceWith(candidates);
    }

    /** A reference a candidate makes. */
    private record Ref(Candidate candidate, FieldSpec field, String code) {
    }

    private Uni<Void> resolveReferences(InterfaceDefinition definition, Caller caller, List<Candidate> candidates) {
        List<Ref> refs = new ArrayList<>();
        Map<Reference, Set<String>> wanted = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            if (!c.alive() || c.envelope.operation() == Operation.DELETE) {
                continue;
            }
            for (FieldSpec field : definition.referenceFields()) {
                JsonNode value = c.envelope.data().get(field.name());
                if (value != null && value.isTextual()) {
                    refs.add(new Ref(c, field, value.textValue()));
                    wanted.computeIfAbsent(field.reference(), k -> new HashSet<>()).add(value.textValue());
                }
            }
        }
        if (refs.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Reference> kinds = new ArrayList<>(wanted.keySet());
        List<Uni<Set<String>>> lookups = kinds.stream()
                .map(kind -> references.existing(kind, caller.sourceSystem(), wanted.get(kind)))
                .toList();
        return Uni.join().all(lookups).andFailFast().invoke(found -> {
            Map<Reference, Set<String>> existing = new HashMap<>();
            for (int i = 0; i < kinds.size(); i++) {
                existing.put(kinds.get(i), found.get(i));
            }
            rejectUnresolved(definition, caller, candidates, refs, existing);
        }).replaceWithVoid();
    }

    /**
     * A reference may also name a record earlier or later in the same request, as long as that record is
     * accepted itself; rejecting one can orphan another, so this runs until nothing changes.
     */
    private static void rejectUnresolved(InterfaceDefinition definition, Caller caller, List<Candidate> candidates,
                                         List<Ref> refs, Map<Reference, Set<String>> existing) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<Reference, Set<String>> provided = providedInRequest(definition, candidates, refs);
            for (Ref ref : refs) {
                if (!ref.candidate().alive()) {
                    continue;
                }
                Reference kind = ref.field().reference();
                if (existing.get(kind).contains(ref.code()) || provided.get(kind).contains(ref.code())) {
                    continue;
                }
                String waiting = kind.toInterface() ? ", and none waiting from " + caller.sourceSystem() : "";
                ref.candidate().reject(ProblemType.UNKNOWN_REFERENCE, new FieldError(
                        ref.candidate().pathPrefix + "data." + ref.field().name(), ErrorCode.UNKNOWN_REFERENCE,
                        "No active " + kind.label() + " with code '" + ref.code() + "'" + waiting));
                changed = true;
            }
        }
    }

    /** Per reference made, the codes that accepted records of this same request provide. */
    private static Map<Reference, Set<String>> providedInRequest(InterfaceDefinition definition,
                                                                 List<Candidate> candidates, List<Ref> refs) {
        Map<Reference, Set<String>> provided = new HashMap<>();
        for (Ref ref : refs) {
            Reference kind = ref.field().reference();
            provided.computeIfAbsent(kind, k -> {
                Set<String> codes = new HashSet<>();
                if (definition.name().equals(k.targetInterface())) {
                    for (Candidate c : candidates) {
                        if (c.alive() && c.envelope.operation() != Operation.DELETE && provides(k, c.envelope)) {
                            JsonNode code = c.envelope.data().get("code");
                            if (code != null && code.isTextual()) {
                                codes.add(code.textValue());
                            }
                        }
                    }
                }
                return codes;
            });
        }
        return provided;
    }

    /** Whether the record meets the reference's condition (a parent must be a COMPANY). */
    private static boolean provides(Reference kind, Envelope envelope) {
        return kind.whereField() == null || kind.whereValue().equals(envelope.data().path(kind.whereField()).asText());
    }

    private Uni<Void> store(InterfaceDefinition definition, Caller caller, List<Candidate> candidates,
                            SqlClient client) {
        List<Candidate> accepted = candidates.stream().filter(Candidate::alive).toList();
        if (accepted.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<NewRow> rows = accepted.stream().map(c -> new NewRow(c.receiptId, c.envelope.externalId(),
                c.envelope.operation(), c.envelope.sentAt(), c.envelope.data().toString(), c.idempotencyKey,
                c.digest)).toList();
        RequestContext request = accepted.get(0).request;
        return staging.insertAll(client, definition.name(), caller.sourceSystem(), request, rows).chain(stored -> {
            outage.answered();
            if (!stored.isEmpty()) {
                signal.stored(definition.name());
            }
            List<Candidate> conflicted = new ArrayList<>();
            for (Candidate c : accepted) {
                Receipt receipt = stored.get(c.receiptId);
                if (receipt != null) {
                    c.receipt = receipt;
                } else {
                    conflicted.add(c);
                }
            }
            if (conflicted.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            List<String> keys = conflicted.stream().map(c -> c.idempotencyKey).distinct().toList();
            return staging.findByIdempotencyKeys(client, definition.name(), caller.sourceSystem(), keys)
                    .invoke(originals -> conflicted.forEach(c -> replay(c, originals.get(c.idempotencyKey))))
                    .replaceWithVoid();
        });
    }

    /** The same key again: the original receipt for the same body, a rejection for another. */
    private static void replay(Candidate c, StoredRequest original) {
        if (original == null) {
            throw new IllegalStateException("idempotency key " + c.idempotencyKey + " conflicted but holds no row");
        }
        if (MessageDigest.isEqual(original.requestHash(), c.digest)) {
            c.receipt = original.receipt();
            c.replayed = true;
        } else {
            rejectReusedKey(c);
        }
    }

    private static void rejectReusedKey(Candidate c) {
        String field = c.keyFromHeader ? "Idempotency-Key" : c.pathPrefix + "messageId";
        c.reject(ProblemType.IDEMPOTENCY_KEY_REUSED, new FieldError(field, ErrorCode.NOT_ALLOWED,
                "Idempotency key '" + c.idempotencyKey + "' was already used for another record body; "
                        + "use a new key for each record"));
    }
}
