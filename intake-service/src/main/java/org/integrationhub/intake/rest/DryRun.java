package org.integrationhub.intake.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.validation.Envelope;

import java.time.OffsetDateTime;
import java.util.List;

/** A single record's dry run: what the hub would have accepted, with no receipt, since nothing was stored. */
@Schema(name = "DryRunResult", description = "The record would be accepted as PENDING; nothing was stored")
public record DryRun(
        @Schema(description = "Always true: nothing was stored") boolean dryRun,
        @JsonProperty("interface") @Schema(example = "departments") String interfaceName,
        @Schema(example = "HIS") String sourceSystem,
        @Schema(example = "D-100") String externalId,
        Operation operation,
        OffsetDateTime sentAt,
        @Schema(description = "The status the record would have: PENDING") RecordStatus status) {

    static DryRun of(String interfaceName, Envelope envelope) {
        return new DryRun(true, interfaceName, envelope.sourceSystem(), envelope.externalId(), envelope.operation(),
                envelope.sentAt(), RecordStatus.PENDING);
    }

    /** Whether the dryRun parameter asks for one: absent or false no, true yes, anything else a 400. */
    static boolean asked(String dryRun) {
        if (dryRun == null || dryRun.isEmpty() || dryRun.equals("false")) {
            return false;
        }
        if (dryRun.equals("true")) {
            return true;
        }
        throw new ProblemException(ProblemType.MALFORMED_REQUEST, "dryRun must be true or false",
                List.of(new FieldError("dryRun", ErrorCode.INVALID_VALUE, "dryRun must be true or false")));
    }
}
