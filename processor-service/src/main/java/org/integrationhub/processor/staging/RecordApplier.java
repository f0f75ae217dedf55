package org.integrationhub.processor.staging;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.registry.ApplyRule;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.Reference;
import org.integrationhub.common.registry.RuleContext;
import org.integrationhub.processor.business.BusinessRecords;
import org.integrationhub.processor.business.BusinessTable;
import org.integrationhub.processor.business.BusinessTable.Linked;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns a staging row of any interface into its business record, as the interface's declaration says, inside
 * the transaction that also marks the row, so the business change and the status commit together. The rules
 * every interface shares, as the contract states them:
 * <ul>
 * <li>The record is the one linked to the row's (source system, external id), locked for the transaction.</li>
 * <li>A row sent before the last change applied to it is {@code SKIPPED} and changes nothing, unless an
 *     operator re-applies it on purpose: then it applies and the fence moves back to its sentAt.</li>
 * <li>{@code CREATE} inserts it, or updates it when it exists (partners resend); {@code UPDATE} needs it.</li>
 * <li>{@code DELETE} archives it ({@code active=false}), and so does a row that sets {@code active} to false;
 *     both are refused, naming them, while active records still point at it.</li>
 * <li>An active record's code must not be held by another active record.</li>
 * <li>Each reference names an active record the same source sent (meeting the reference's condition), or one
 *     still open in staging, which the row waits for; a reference to the record's own interface never makes a
 *     record its own ancestor.</li>
 * <li>Then the declaration's own rules ({@link ApplyRule}), then the write.</li>
 * </ul>
 */
@ApplicationScoped
public class RecordApplier {

    @Inject
    StagedReferences staged;
    @Inject
    BusinessRecords records;

    /**
     * Applies the row on {@code conn} (inside a transaction). Fails with {@link ApplyException} (or the
     * declaration's {@code RuleViolation}) for a row that breaks a rule, {@link WaitException} while a reference
     * is staged; any other failure is classified by {@link FailureClassifier}.
     */
    public Uni<ApplyOutcome> apply(SqlConnection conn, ClaimedRow row) {
        BusinessTable table = records.table(row.interfaceName());
        return table.lockBySource(conn, row.sourceSystem(), row.externalId()).chain(existing -> {
            if (existing.isPresent() && !row.reapply() && row.sentAt().isBefore(existing.get().lastSentAt())) {
                return Uni.createFrom().item(ApplyOutcome.skipped("stale: sent at " + row.sentAt()
                        + ", but a change sent at " + existing.get().lastSentAt() + " was already applied"));
            }
            return switch (row.operation()) {
                case CREATE -> upsert(conn, table, row, existing);
                case UPDATE -> existing.isPresent() ? upsert(conn, table, row, existing)
                        : Uni.createFrom().failure(ApplyException.noSuchRecord(row));
                case DELETE -> existing.isPresent() ? archive(conn, table, row, existing.get())
                        : Uni.createFrom().failure(ApplyException.noSuchRecord(row));
            };
        });
    }

    private Uni<ApplyOutcome> upsert(SqlConnection conn, BusinessTable table, ClaimedRow row, Optional<Linked> existing) {
        InterfaceDefinition definition = table.definition();
        JsonObject data = row.payload();
        boolean active = data.getBoolean("active", true);
        boolean archiving = existing.isPresent() && existing.get().active() && !active;
        Uni<Void> allowed = archiving ? refuseWhileReferenced(conn, table, existing.get())
                : active ? codeFree(conn, table, row) : Uni.createFrom().voidItem();
        Map<String, Long> ids = new HashMap<>();
        Long existingId = existing.map(Linked::id).orElse(null);
        return allowed
                .chain(() -> Multi.createFrom().iterable(definition.referenceFields())
                        .onItem().transformToUniAndConcatenate(field -> resolve(conn, table, row, field, existing)
                                .invoke(id -> {
                                    if (id != null) {
                                        ids.put(field.name(), id);
                                    }
                                }))
                        .collect().last())
                .chain(() -> Multi.createFrom().iterable(definition.rules())
                        .onItem().transformToUniAndConcatenate(rule -> rule.check(conn,
                                new RuleContext(row.sourceSystem(), row.externalId(), data, existingId)))
                        .collect().last())
                .chain(() -> existing.isPresent()
                        ? table.update(conn, existingId, data, ids, row.sentAt(), row.receiptId())
                        : table.insert(conn, data, ids, row.sourceSystem(), row.externalId(), row.sentAt(), row.receiptId()))
                .replaceWith(ApplyOutcome.processed());
    }

    /** An active record's code must not be held by another active record; says which, in plain words. */
    private Uni<Void> codeFree(SqlConnection conn, BusinessTable table, ClaimedRow row) {
        String code = row.payload().getString("code");
        return table.codeOwner(conn, code, row.sourceSystem(), row.externalId()).invoke(owner -> {
            if (owner.isPresent()) {
                throw new ApplyException(ErrorClass.CONFLICT, "code " + code + " is already used by the active "
                        + table.definition().recordLabel() + " that " + owner.get().sourceSystem() + " sent as "
                        + owner.get().externalId() + "; codes are unique among active records");
            }
        }).replaceWithVoid();
    }

    private Uni<ApplyOutcome> archive(SqlConnection conn, BusinessTable table, ClaimedRow row, Linked existing) {
        return refuseWhileReferenced(conn, table, existing)
                .chain(() -> table.archive(conn, existing.id(), row.sentAt(), row.receiptId()))
                .replaceWith(ApplyOutcome.processed());
    }

    private Uni<Void> refuseWhileReferenced(SqlConnection conn, BusinessTable table, Linked existing) {
        return table.activeDependants(conn, existing.id()).invoke(dependants -> {
            if (!dependants.isEmpty()) {
                throw new ApplyException(ErrorClass.CONFLICT,
                        "cannot archive: still referenced by active " + String.join(", ", dependants));
            }
        }).replaceWithVoid();
    }

    /** The id a reference field's code resolves to (null for master data, or when the field is absent). */
    private Uni<Long> resolve(SqlConnection conn, BusinessTable table, ClaimedRow row, FieldSpec field,
                              Optional<Linked> existing) {
        String code = row.payload().getString(field.name());
        if (code == null) {
            return Uni.createFrom().nullItem();
        }
        Reference reference = field.reference();
        if (!reference.toInterface()) {
            return BusinessTable.masterDataActive(conn, reference.table(), code).map(active -> {
                if (!active) {
                    throw new ApplyException(ErrorClass.REFERENCE, reference.label() + " " + code
                            + " does not exist or is inactive");
                }
                return null;
            });
        }
        InterfaceDefinition definition = table.definition();
        boolean self = definition.selfReference(field);
        String label = (self ? "parent " + definition.recordLabel() : reference.target().recordLabel()) + " " + code;
        Supplier<Uni<Optional<Long>>> lookup = () -> BusinessTable.activeByCode(conn, reference.target(),
                reference.whereField(), row.sourceSystem(), code).map(found -> {
                    if (found.isPresent() && reference.whereField() != null
                            && !reference.whereValue().equals(found.get().conditionValue())) {
                        throw new ApplyException(ErrorClass.VALIDATION, label + " is a "
                                + lower(found.get().conditionValue()) + "; it must be a " + lower(reference.whereValue()));
                    }
                    return found.map(BusinessTable.Found::id);
                });
        Uni<Long> id = reference(conn, row, lookup, reference.targetInterface(), code, label,
                self ? new StagedReferences.SelfReference(definition.businessTable(), field.name()) : null);
        return self ? id.call(parentId -> withoutLoop(conn, table, field, existing, parentId, label)) : id;
    }

    /**
     * A reference the row makes: the id of the active record {@code lookup} finds among the records the row's
     * source system sent, else what its staged row says: wait while it is open (unless the wait is circular),
     * fail naming it when it failed or does not exist.
     *
     * <p>The business table and staging are read in separate statements, and the referenced record may be
     * applied between them (its row then reads PROCESSED, no longer open). So whenever staging says "not
     * waiting", the business table is read once more before failing: a record committed before that staging
     * read is visible to this later one, and a row never fails for a reference that exists.
     */
    private Uni<Long> reference(SqlConnection conn, ClaimedRow row, Supplier<Uni<Optional<Long>>> lookup,
                                String stagedInterface, String code, String label,
                                StagedReferences.SelfReference self) {
        return lookup.get().chain(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                : staged.decide(conn, row, stagedInterface, code, label, self)
                        .chain(verdict -> lookup.get().map(again -> again.orElseThrow(() -> verdict.failed()
                                ? new ApplyException(ErrorClass.REFERENCE, label + " failed (receipt "
                                        + verdict.failedReceiptId() + "): " + verdict.error())
                                : new ApplyException(ErrorClass.REFERENCE, label + " does not exist or is archived "
                                        + "among the records " + row.sourceSystem() + " sent")))));
    }

    /** Fails the row when making {@code parentId} the parent of {@code existing} would make it its own ancestor. */
    private Uni<Void> withoutLoop(SqlConnection conn, BusinessTable table, FieldSpec field, Optional<Linked> existing,
                                  long parentId, String label) {
        if (existing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return table.wouldLoop(conn, field, existing.get().id(), parentId).invoke(loops -> {
            if (loops) {
                throw new ApplyException(ErrorClass.VALIDATION, label
                        + " is this record or one of its descendants; a record cannot be its own ancestor");
            }
        }).replaceWithVoid();
    }

    private static String lower(String value) {
        return value == null ? "record without it" : value.toLowerCase(Locale.ROOT);
    }
}
