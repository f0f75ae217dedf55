package org.integrationhub.intake.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.UuidV7;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.security.Caller;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.common.validation.Canonical;
import org.integrationhub.common.validation.Envelope;
import org.integrationhub.intake.repository.ReferenceRepository;
import org.integrationhub.intake.repository.StagingWriteRepository;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts one partner record: checks who may send it, that its references name master data, and
 * stores it whole as a PENDING staging row with its receipt; or stores nothing and says why.
 */
@ApplicationScoped
public class RecordIntakeService {

    @Inject
    ReferenceRepository references;
    @Inject
    StagingWriteRepository staging;

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
     * @param envelopeNode   the envelope as parsed, for the idempotency digest
     * @param idempotencyKey the Idempotency-Key header, or null to use the envelope's messageId
     */
    public Uni<Accepted> accept(InterfaceDefinition definition, Caller caller, Envelope envelope,
                                JsonNode envelopeNode, String idempotencyKey) {
        if (!envelope.sourceSystem().equals(caller.sourceSystem())) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.FORBIDDEN,
                    "sourceSystem '" + envelope.sourceSystem() + "' is not your key's source system ('"
                            + caller.sourceSystem() + "')",
                    List.of(new FieldError("sourceSystem", ErrorCode.NOT_ALLOWED,
                            "Your API key sends for " + caller.sourceSystem()))));
        }
        String key = idempotencyKey != null ? idempotencyKey : envelope.messageId();
        byte[] digest = Canonical.sha256(envelopeNode);
        return checkReferences(definition, envelope)
                .chain(() -> staging.insert(UuidV7.next(), definition.name(), envelope, key, digest))
                .chain(stored -> stored.isPresent()
                        ? Uni.createFrom().item(new Accepted(stored.get(), true))
                        : replay(definition, envelope, key, digest));
    }

    /** The same key again: the original receipt if the body is the same, else a 422. */
    private Uni<Accepted> replay(InterfaceDefinition definition, Envelope envelope, String key, byte[] digest) {
        return staging.findByIdempotencyKey(definition.name(), envelope.sourceSystem(), key).map(found -> {
            StagingWriteRepository.StoredRequest original = found.orElseThrow(() -> new IllegalStateException(
                    "idempotency key conflicted but no row holds it"));
            if (!MessageDigest.isEqual(original.requestHash(), digest)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency key '" + key + "' was used for another record body; use a new key per record",
                        List.of(new FieldError("messageId", ErrorCode.NOT_ALLOWED, "key already used for another body")));
            }
            return new Accepted(original.receipt(), false);
        });
    }

    private Uni<Void> checkReferences(InterfaceDefinition definition, Envelope envelope) {
        if (envelope.operation() == Operation.DELETE) {
            return Uni.createFrom().voidItem();
        }
        List<FieldSpec> referencing = definition.fields().stream()
                .filter(f -> f.references() != null && envelope.data().hasNonNull(f.name()))
                .toList();
        if (referencing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<FieldError> missing = new ArrayList<>();
        return Multi.createFrom().iterable(referencing)
                .onItem().transformToUniAndConcatenate(field -> {
                    InterfaceDefinition target = InterfaceRegistry.find(field.references()).orElseThrow();
                    String code = envelope.data().get(field.name()).textValue();
                    return references.exists(target, envelope.sourceSystem(), code).invoke(found -> {
                        if (!found) {
                            missing.add(new FieldError("data." + field.name(), ErrorCode.UNKNOWN_REFERENCE,
                                    "No active " + target.name() + " record with code '" + code
                                            + "', and none waiting from " + envelope.sourceSystem()));
                        }
                    });
                })
                .collect().last()
                .invoke(() -> {
                    if (!missing.isEmpty()) {
                        throw new ProblemException(ProblemType.UNKNOWN_REFERENCE,
                                missing.size() == 1 ? missing.get(0).message()
                                        : missing.size() + " references name no master data",
                                missing);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * @param receipt the receipt
     * @param created false when an idempotent replay returned the original
     */
    public record Accepted(Receipt receipt, boolean created) {
    }
}
