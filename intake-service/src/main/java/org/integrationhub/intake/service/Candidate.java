package org.integrationhub.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.validation.Envelope;
import org.integrationhub.intake.repository.StagingWriteRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One record of a request on its way through the intake: parsed, then checked, then stored or rejected.
 * A single-record request is a batch of one, so both endpoints share every rule.
 */
public final class Candidate {

    final int index;
    final String pathPrefix;
    final JsonNode node;
    Envelope envelope;
    String idempotencyKey;
    boolean keyFromHeader;
    byte[] digest;
    UUID receiptId;
    /** The trace context and correlation id of the request that brought it. */
    StagingWriteRepository.RequestContext request;
    /** The first kind of fault found; decides the HTTP status of a single-record request. */
    ProblemType rejection;
    final List<FieldError> errors = new ArrayList<>();
    Receipt receipt;
    boolean replayed;

    Candidate(int index, String pathPrefix, JsonNode node) {
        this.index = index;
        this.pathPrefix = pathPrefix;
        this.node = node;
    }

    boolean alive() {
        return rejection == null;
    }

    void reject(ProblemType type, FieldError error) {
        reject(type, List.of(error));
    }

    void reject(ProblemType type, List<FieldError> faults) {
        if (rejection == null) {
            rejection = type;
        }
        errors.addAll(faults);
    }

    public int index() {
        return index;
    }

    public Receipt receipt() {
        return receipt;
    }

    /** The envelope as read; null when it could not be. */
    public Envelope envelope() {
        return envelope;
    }

    public boolean replayed() {
        return replayed;
    }

    public ProblemType rejection() {
        return rejection;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
