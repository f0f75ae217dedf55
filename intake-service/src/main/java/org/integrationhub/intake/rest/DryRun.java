package org.integrationhub.intake.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.validation.Envelope;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A single record's dry run: the receipt the record would get, without a receiptId or receivedAt since nothing was
 * stored (the OpenAPI document describes it as a Receipt with dryRun true: see InterfaceOperationsFilter).
 */
public record DryRun(
        boolean dryRun,
        @JsonProperty("interface") String interfaceName,
        String sourceSystem,
        String externalId,
        Operation operation,
        OffsetDateTime sentAt,
        RecordStatus status) {

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
