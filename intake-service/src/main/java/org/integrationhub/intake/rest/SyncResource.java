package org.integrationhub.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.security.Caller;
import org.integrationhub.common.validation.Canonical;
import org.integrationhub.common.validation.Json;
import org.integrationhub.intake.repository.SyncRepository;
import org.integrationhub.intake.repository.SyncRepository.Held;
import org.integrationhub.intake.service.RecordIntakeService;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner asks the hub what it holds: where each of its records stands (reconcile), and its totals (summary),
 * to check after an outage that nothing it sent was lost.
 */
@Path("/api/v1/interfaces/{interface}")
@Tag(name = "Sync", description = "Check what the hub holds of your records")
@SecurityRequirement(name = "apiKey")
public class SyncResource extends PartnerResource {

    @Inject
    RecordIntakeService intake;
    @Inject
    SyncRepository sync;

    /** Where a record stands in the hub, compared with the version the partner holds. */
    @Schema(name = "SyncState", description = """
            IN_SYNC: the hub applied this version (and, with dataHash, this data). STALE: the hub applied an older \
            version (or other data at this sentAt). AHEAD: the hub applied a newer version. PENDING: this version is \
            waiting to be applied. FAILED: this version failed (receiptId and errorMessage say which and why). \
            MISSING: the hub never received this record, or only refused it.""")
    public enum SyncState { IN_SYNC, STALE, AHEAD, PENDING, FAILED, MISSING }

    @Schema(name = "ReconcileResult", description = "Where one item stands",
            requiredProperties = {"index", "externalId", "sentAt", "state"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            @Schema(description = "The item's position in the request, from 0") int index,
            @Schema(example = "D-100") String externalId,
            @Schema(description = "The sentAt asked about") OffsetDateTime sentAt,
            SyncState state,
            @Schema(description = "The receipt of this version, when the hub received it (absent otherwise)") UUID receiptId,
            @Schema(description = "Why this version failed (FAILED; absent otherwise)") String errorMessage,
            @Schema(description = "The sentAt of the version the hub applied last, if any") OffsetDateTime appliedSentAt,
            @Schema(description = "Whether the hub's record is active (false: archived)") Boolean active,
            @Schema(description = "With a dataHash: whether it was compared with the data the hub applied (false when "
                    + "the hub no longer keeps that row, past its retention, and the sentAt alone decided)")
            Boolean dataChecked) {
    }

    @Schema(name = "ReconcileAnswer", description = "Each item's state, in the request's order, and how many are in each",
            requiredProperties = {"interface", "counts", "results"})
    public record Answer(@JsonProperty("interface") String interfaceName, Map<SyncState, Integer> counts,
                         List<Result> results) {
    }

    @Schema(name = "InterfaceSummary", description = "What the hub holds of your records of one interface",
            requiredProperties = {"interface", "sourceSystem", "rows", "activeRecords", "archivedRecords",
                    "newestAppliedSentAt"})
    public record Summary(
            @JsonProperty("interface") @Schema(example = "departments") String interfaceName,
            @Schema(example = "HIS") String sourceSystem,
            @Schema(description = "Your staging rows (every record you sent and the hub accepted) by status")
            Map<RecordStatus, Long> rows,
            @Schema(description = "Your business records that are active") long activeRecords,
            @Schema(description = "Your business records that are archived") long archivedRecords,
            @Schema(description = "The newest sentAt applied to any of your records; null before the first",
                    nullable = true) OffsetDateTime newestAppliedSentAt) {
    }

    @POST
    @Path("/reconcile")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "reconcileRecords", summary = "Compare your records with the hub's",
            description = "For each item (up to " + Reconcile.MAX_ITEMS + "), the version you hold (externalId and "
                    + "sentAt, optionally dataHash: SHA-256, lower-case hex, of your data object written as UTF-8 JSON with "
                    + "the keys of every object sorted, no white space and non-ASCII characters as themselves, as "
                    + "Python's json.dumps(data, sort_keys=True, separators=(',', ':'), ensure_ascii=False) writes it), "
                    + "answered with where it stands in the hub: IN_SYNC, "
                    + "STALE, AHEAD, PENDING, FAILED or MISSING. A sentAt is compared as the instant it names (any "
                    + "offset), to the microsecond. Nothing is changed; resend what is STALE, MISSING or FAILED.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Reconcile.Request.class),
            examples = @ExampleObject(name = "three records", value = OpenApiExamples.RECONCILE_REQUEST)))
    @APIResponse(responseCode = "200", description = "Each item's state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class),
                    examples = @ExampleObject(name = "three records", value = OpenApiExamples.RECONCILE_ANSWER)))
    @APIResponse(responseCode = "400", description = "The body is not a list of items, or an item is malformed")
    @APIResponse(responseCode = "403", description = "The key may not use this interface")
    @APIResponse(responseCode = "404", description = "No such interface")
    @Blocking
    public Uni<Answer> reconcile(@Parameter(example = "departments") @PathParam("interface") String interfaceName,
                                 byte[] body) {
        Caller caller = caller();
        InterfaceDefinition d = intake.interfaceFor(interfaceName, caller);
        Reconcile.Request request = Reconcile.read(body);
        boolean withData = request.items().stream().anyMatch(item -> item.dataHash() != null);
        List<SyncRepository.Asked> asked = request.items().stream()
                .map(item -> new SyncRepository.Asked(item.externalId(), item.sentAt())).toList();
        // answering 10,000 items (and hashing the data applied) is work for a worker thread, not the event loop
        return sync.reconcile(d, caller.sourceSystem(), asked, withData)
                .emitOn(Infrastructure.getDefaultWorkerPool()).map(held -> {
            Map<SyncState, Integer> counts = new EnumMap<>(SyncState.class);
            for (SyncState state : SyncState.values()) {
                counts.put(state, 0);
            }
            List<Result> results = new ArrayList<>(held.size());
            for (int i = 0; i < held.size(); i++) {
                Reconcile.Item item = request.items().get(i);
                Held h = held.get(i);
                SyncState state = state(item, h);
                counts.merge(state, 1, Integer::sum);
                results.add(new Result(i, item.externalId(), item.sentAt(), state, h.receiptId(),
                        state == SyncState.FAILED ? h.errorMessage() : null, h.appliedSentAt(), h.active(),
                        dataChecked(item, h, state)));
            }
            return new Answer(d.name(), counts, results);
        });
    }

    @GET
    @Path("/summary")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(operationId = "getInterfaceSummary", summary = "Your totals in one interface",
            description = "Your staging rows by status, your business records (active and archived) and the newest "
                    + "sentAt applied: after an outage, compare them with what you sent.")
    @APIResponse(responseCode = "200", description = "The totals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Summary.class),
                    examples = @ExampleObject(name = "departments", value = OpenApiExamples.SUMMARY)))
    @APIResponse(responseCode = "403", description = "The key may not use this interface")
    @APIResponse(responseCode = "404", description = "No such interface")
    public Uni<Summary> summary(@Parameter(example = "departments") @PathParam("interface") String interfaceName) {
        Caller caller = caller();
        InterfaceDefinition d = intake.interfaceFor(interfaceName, caller);
        return sync.summary(d, caller.sourceSystem()).map(s -> new Summary(d.name(), caller.sourceSystem(), s.rows(),
                s.active(), s.archived(), s.newestApplied()));
    }

    /**
     * The item's state: what happened to exactly this version when the hub received it (waiting, failed, passed
     * over as stale); else how the version the hub applied compares with it; else missing.
     */
    static SyncState state(Reconcile.Item item, Held held) {
        int order = held.appliedSentAt() == null ? -1 : held.appliedSentAt().toInstant().compareTo(item.sentAt().toInstant());
        if (order > 0) {
            // a newer version is applied: this one, waiting or failed, will be or would be passed over as stale
            return SyncState.AHEAD;
        }
        if (held.status() == RecordStatus.PENDING || held.status() == RecordStatus.PROCESSING) {
            return SyncState.PENDING;
        }
        if (held.status() == RecordStatus.FAILED) {
            return SyncState.FAILED;
        }
        if (held.appliedSentAt() == null) {
            return SyncState.MISSING;
        }
        if (order < 0) {
            return SyncState.STALE;
        }
        String applied = hash(held);
        // without the applied row (retention purged it), the sentAt alone says in sync: dataChecked says false
        return item.dataHash() == null || applied == null || item.dataHash().equals(applied) ? SyncState.IN_SYNC
                : SyncState.STALE;
    }

    /** Whether the item's dataHash was compared with the data the hub applied. */
    static Boolean dataChecked(Reconcile.Item item, Held held, SyncState state) {
        if (item.dataHash() == null) {
            return null;
        }
        return (state == SyncState.IN_SYNC || state == SyncState.STALE) && held.appliedData() != null
                && held.appliedSentAt() != null && held.appliedSentAt().toInstant().equals(item.sentAt().toInstant());
    }

    private static String hash(Held held) {
        if (held.appliedData() == null) {
            return null;
        }
        try {
            JsonNode data = Json.STRICT.readTree(held.appliedData().encode());
            return HexFormat.of().formatHex(Canonical.sha256(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON", e);
        }
    }
}
