package org.integrationhub.intake.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vertx.core.http.HttpServerRequest;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.validation.Envelope;
import org.integrationhub.intake.service.Candidate;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A single record's dry run: the receipt the record would get, without a receiptId or receivedAt since nothing was
 * stored; or, when its idempotency key would replay a stored record, that record's receipt as the real call would
 * repeat it. The OpenAPI document describes it as a Receipt with dryRun true (see InterfaceOperationsFilter).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DryRun(
        boolean dryRun,
        UUID receiptId,
        @JsonProperty("interface") String interfaceName,
        String sourceSystem,
        String externalId,
        Operation operation,
        OffsetDateTime sentAt,
        OffsetDateTime receivedAt,
        RecordStatus status) {

    static DryRun of(String interfaceName, Candidate tried) {
        Receipt replayed = tried.receipt();
        if (replayed != null) {
            return new DryRun(true, replayed.receiptId(), replayed.interfaceName(), replayed.sourceSystem(),
                    replayed.externalId(), replayed.operation(), replayed.sentAt(), replayed.receivedAt(),
                    replayed.status());
        }
        Envelope envelope = tried.envelope();
        return new DryRun(true, null, interfaceName, envelope.sourceSystem(), envelope.externalId(),
                envelope.operation(), envelope.sentAt(), null, RecordStatus.PENDING);
    }

    /**
     * Whether the dryRun parameter asks for one: absent or false no, true yes. Anything else is a 400, and nothing
     * is stored: a bare {@code ?dryRun}, an empty value, another word, or the parameter given twice (which value
     * won would be a guess, and a wrong guess stores a record the partner meant only to try).
     */
    static boolean asked(HttpServerRequest request) {
        // read from the query as sent: Quarkus REST's @QueryParam drops a parameter without a value
        List<String> dryRun = request.params().getAll("dryRun");
        if (dryRun.isEmpty()) {
            return false;
        }
        String value = dryRun.get(0);
        if (dryRun.size() == 1 && (value.equals("true") || value.equals("false"))) {
            return value.equals("true");
        }
        String message = dryRun.size() > 1 ? "dryRun is given " + dryRun.size() + " times; give it once, true or false"
                : "dryRun must be true or false";
        throw new ProblemException(ProblemType.MALFORMED_REQUEST, message,
                List.of(new FieldError("dryRun", ErrorCode.INVALID_VALUE, message)));
    }
}
