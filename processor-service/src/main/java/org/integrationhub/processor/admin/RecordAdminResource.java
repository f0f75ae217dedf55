package org.integrationhub.processor.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.security.CallerContext;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.admin.StagingAdminRepository.RetryFilter;
import org.integrationhub.processor.business.Page;
import org.integrationhub.processor.business.ListQuery;
import org.integrationhub.processor.rest.ListParams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Operators watch the staging rows and put failed ones back to be applied again. */
@Path("/api/v1/admin")
@Tag(name = "Staging rows", description = "Every staging row, its status and error; retrying failed rows")
@SecurityRequirement(name = "apiKey")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RecordAdminResource {


    @Inject
    OperatorInput input;
    @Inject
    StagingAdminRepository staging;
    @Inject
    CallerContext callerContext;
    @Inject
    AuditLog audit;

    static final String RECEIPT_ID = "The row's receiptId, the one its partner got";

    @GET
    @Path("/records")
    @Operation(operationId = "listStagingRows", summary = "List staging rows", description = "Staging rows of every interface, newest received first, "
            + "filtered. Rows of one record: sourceSystem and externalId.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = StagingRowPage.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Uni<Page<StagingRowView>> list(
            @Parameter(description = "departments, employees or partners") @QueryParam("interface") String interfaceName,
            @Parameter(description = "PENDING, PROCESSING, PROCESSED, FAILED or SKIPPED") @QueryParam("status") String status,
            @QueryParam("sourceSystem") String sourceSystem,
            @QueryParam("externalId") String externalId,
            @Parameter(description = "Page number, from 0", schema = @Schema(type = SchemaType.INTEGER, minimum = "0",
                    defaultValue = "0")) @QueryParam("page") String page,
            @Parameter(description = "Rows per page", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("size") String size) {
        ListParams params = ListParams.check();
        params.oneOf("interface", interfaceName, interfaceNames());
        params.oneOf("status", status, Arrays.stream(RecordStatus.values()).map(Enum::name).collect(Collectors.toSet()));
        return staging.list(interfaceName, status, sourceSystem, externalId, params.query(null, null, page, size));
    }

    @POST
    @Path("/records/{receiptId}/retry")
    @Operation(operationId = "retryRow", summary = "Retry a failed row", description = "Puts one FAILED row back to PENDING as if it were new "
            + "(attempts from 0, error cleared) and wakes the processors. It is applied in sentAt order with the "
            + "record's other rows; if a newer change was applied meanwhile it ends SKIPPED.")
    @APIResponse(responseCode = "200", description = "The row, now PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StagingRowView.class)))
    @APIResponse(responseCode = "404", description = "No staging row with this receipt")
    @APIResponse(responseCode = "409", description = "The row is not FAILED")
    public Uni<StagingRowView> retryOne(@Parameter(description = RECEIPT_ID, schema = @Schema(type = SchemaType.STRING,
            format = "uuid"), example = "0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d") @PathParam("receiptId") String receiptId) {
        return changeRow(receiptId, id -> staging.retry(id, new RetryFilter(null, null, null, null), actor())
                .map(retried -> retried == 1), "only a FAILED row can be retried");
    }

    @POST
    @Path("/records/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "retryRows", summary = "Retry failed rows in bulk", description = "Puts every FAILED row matching the filter back to "
            + "PENDING, as the single retry does, in one transaction. Every filter field is optional; {} retries "
            + "every failed row.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RetryFilterInput.class), examples = @ExampleObject(
            name = "waiting for a fixed department",
            value = "{\"interface\": \"employees\", \"sourceSystem\": \"HIS\", \"errorClass\": \"REFERENCE\"}")))
    @APIResponse(responseCode = "200", description = "How many rows went back to PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Retried.class)))
    @APIResponse(responseCode = "400", description = "The filter is invalid; errors[] names the field")
    public Uni<Retried> retryMatching(byte[] body) {
        List<FieldError> errors = new ArrayList<>();
        RetryFilterInput filter = input.read(body, RetryFilterInput.class, "is not a filter; filters", errors);
        JsonBody.rejectIfAny(errors);
        return staging.retry(null, new RetryFilter(filter.interfaceName(), filter.sourceSystem(), filter.externalId(),
                filter.errorClass()), actor()).map(Retried::new);
    }

    /** The filter of a bulk retry: every field optional. */
    @Schema(name = "RetryFilter", description = "Which FAILED rows to retry; every field optional, {} retries all")
    public record RetryFilterInput(
            @Schema(description = "Only rows of this interface", example = "employees")
            @JsonProperty("interface") @OneOf(interfaces = true) String interfaceName,
            @Schema(description = "Only rows this source system sent", example = "HIS") String sourceSystem,
            @Schema(description = "Only rows of this record", example = "E-100") String externalId,
            @Schema(description = "Only rows that failed for this class of reason",
                    enumeration = {"VALIDATION", "REFERENCE", "CONFLICT", "TRANSIENT", "INTERNAL"})
            @OneOf(ErrorClass.class) String errorClass) {
    }

    @POST
    @Path("/records/{receiptId}/reapply")
    @Operation(operationId = "reapplyRow", summary = "Re-apply a skipped row on purpose", description = "Puts one SKIPPED row back to PENDING to be "
            + "applied although a change sent later was applied already: the record takes this row's data and its "
            + "order fence moves back to this row's sentAt, so later changes apply again. For a record whose fence "
            + "is wrong (a change sent with a wrong clock). Audited like a retry.")
    @APIResponse(responseCode = "200", description = "The row, now PENDING",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StagingRowView.class)))
    @APIResponse(responseCode = "404", description = "No staging row with this receipt")
    @APIResponse(responseCode = "409", description = "The row is not SKIPPED")
    public Uni<StagingRowView> reapply(@Parameter(description = RECEIPT_ID, schema = @Schema(type = SchemaType.STRING,
            format = "uuid"), example = "0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d") @PathParam("receiptId") String receiptId) {
        return changeRow(receiptId, id -> staging.reapply(id, actor()),
                "only a SKIPPED row can be re-applied (a FAILED one is retried)");
    }

    @GET
    @Path("/audit")
    @Operation(operationId = "listAuditLog", summary = "The audit log", description = "Operator actions, newest first: retries with their filter "
            + "and count, re-applies, schedule changes (before and after) and manual runs; who and when.")
    @APIResponse(responseCode = "200", description = "The actions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = AuditLog.Entry.class)))
    @APIResponse(responseCode = "400", description = "A query parameter is invalid")
    public Uni<List<AuditLog.Entry>> audit(
            @Parameter(description = "Only actions on this receipt id or job name") @QueryParam("target") String target,
            @Parameter(description = "How many actions", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "50")) @QueryParam("limit") String limit) {
        ListParams params = ListParams.check();
        ListQuery query = params.query(null, null, null, limit);
        return audit.recent(target, query.size());
    }

    @GET
    @Path("/stats")
    @Operation(operationId = "getStagingStats", summary = "Staging statistics", description = "Rows per interface and status, and how long the oldest "
            + "PENDING row of each interface has waited. Counts the whole staging table when asked (the processor's "
            + "metrics keep a cached backlog for dashboards).")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Stats.class)))
    public Uni<Stats> stats() {
        return staging.stats();
    }

    /** How many rows a bulk retry put back to PENDING. */
    @Schema(name = "Retried")
    public record Retried(@Schema(example = "12") long retried) {
    }

    /** For the OpenAPI document only: a page of staging rows. */
    @Schema(name = "StagingRowPage")
    static final class StagingRowPage {
        public List<StagingRowView> items;
        public int page;
        public int size;
        public long total;
    }

    private static Set<String> interfaceNames() {
        return InterfaceRegistry.all().stream().map(d -> d.name()).collect(Collectors.toSet());
    }

    /**
     * An operator's change to one row ({@code change} answers whether it applied), then the row: 404 when
     * there is none, 409 when it was not in the state the change needs.
     */
    private Uni<StagingRowView> changeRow(String receiptId, Function<UUID, Uni<Boolean>> change, String onlyWhen) {
        UUID id = receipt(receiptId);
        return change.apply(id).chain(changed -> staging.find(id).invoke(row -> {
            if (row == null) {
                throw noSuchRow(id.toString());
            }
            if (!changed) {
                throw new ProblemException(ProblemType.CONFLICT, "Receipt " + id + " is " + row.status() + "; " + onlyWhen);
            }
        }));
    }

    private String actor() {
        return callerContext.get().keyName();
    }

    private static UUID receipt(String receiptId) {
        try {
            return UUID.fromString(receiptId);
        } catch (IllegalArgumentException e) {
            throw noSuchRow(receiptId);
        }
    }

    private static ProblemException noSuchRow(String receiptId) {
        return ProblemException.notFound("No staging row with receipt " + receiptId);
    }
}
