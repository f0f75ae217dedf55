package org.integrationhub.processor.apply;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.processor.business.LinkedTable;
import org.integrationhub.processor.business.LinkedTable.Linked;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rules every interface shares, as the contract states them; an interface's applier adds only how
 * its fields and references become a row ({@link #write}).
 * <ul>
 * <li>The record is the one linked to the row's (source system, external id), locked for the transaction.</li>
 * <li>A row sent before the last change applied to it is {@code SKIPPED} and changes nothing, unless an
 *     operator re-applies it on purpose: then it applies and the fence moves back to its sentAt.</li>
 * <li>{@code CREATE} inserts it, or updates it when it exists (partners resend); {@code UPDATE} needs it.</li>
 * <li>{@code DELETE} archives it ({@code active=false}), and so does a row that sets {@code active} to false;
 *     both are refused, naming them, while active records still point at it.</li>
 * </ul>
 */
public abstract class LinkedRecordApplier implements Applier {

    @Inject
    StagedReferences staged;

    /** The business table it writes. */
    protected abstract LinkedTable table();

    /**
     * Resolves the row's references and inserts the record ({@code existing} empty) or updates it. Fails with
     * {@link ApplyException} for a rule the row breaks, or {@link WaitException} while a reference is staged.
     */
    protected abstract Uni<Void> write(SqlConnection conn, ClaimedRow row, Optional<Linked> existing);

    @Override
    public Uni<ApplyOutcome> apply(SqlConnection conn, ClaimedRow row) {
        return table().lockBySource(conn, row.sourceSystem(), row.externalId()).chain(existing -> {
            if (existing.isPresent() && !row.reapply() && row.sentAt().isBefore(existing.get().lastSentAt())) {
                return Uni.createFrom().item(ApplyOutcome.skipped("stale: sent at " + row.sentAt()
                        + ", but a change sent at " + existing.get().lastSentAt() + " was already applied"));
            }
            return switch (row.operation()) {
                case CREATE -> upsert(conn, row, existing);
                case UPDATE -> existing.isPresent() ? upsert(conn, row, existing)
                        : Uni.createFrom().failure(ApplyException.noSuchRecord(row));
                case DELETE -> existing.isPresent() ? archive(conn, row, existing.get())
                        : Uni.createFrom().failure(ApplyException.noSuchRecord(row));
            };
        });
    }

    private Uni<ApplyOutcome> upsert(SqlConnection conn, ClaimedRow row, Optional<Linked> existing) {
        boolean active = row.payload().getBoolean("active", true);
        boolean archiving = existing.isPresent() && existing.get().active() && !active;
        Uni<Void> allowed = archiving ? refuseWhileReferenced(conn, existing.get())
                : active ? codeFree(conn, row) : Uni.createFrom().voidItem();
        return allowed.chain(() -> write(conn, row, existing)).replaceWith(ApplyOutcome.processed());
    }

    /** An active record's code must not be held by another active record; says which, in plain words. */
    private Uni<Void> codeFree(SqlConnection conn, ClaimedRow row) {
        String code = row.payload().getString("code");
        return table().codeOwner(conn, code, row.sourceSystem(), row.externalId()).invoke(owner -> {
            if (owner.isPresent()) {
                throw new ApplyException(ErrorClass.CONFLICT, "code " + code + " is already used by the active "
                        + table().tableName() + " that " + owner.get().sourceSystem() + " sent as "
                        + owner.get().externalId() + "; codes are unique among active records");
            }
        }).replaceWithVoid();
    }

    private Uni<ApplyOutcome> archive(SqlConnection conn, ClaimedRow row, Linked existing) {
        return refuseWhileReferenced(conn, existing)
                .chain(() -> table().archive(conn, existing.id(), row.sentAt(), row.receiptId()))
                .replaceWith(ApplyOutcome.processed());
    }

    private Uni<Void> refuseWhileReferenced(SqlConnection conn, Linked existing) {
        return table().activeDependants(conn, existing.id()).invoke(dependants -> {
            if (!dependants.isEmpty()) {
                throw new ApplyException(ErrorClass.CONFLICT,
                        "cannot archive: still referenced by active " + String.join(", ", dependants));
            }
        }).replaceWithVoid();
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
     *
     * @param lookup          reads the business table; run again after the staging read
     * @param stagedInterface where the referenced record would be staged
     * @param selfField       the field, when the reference points into this same interface (a parent); else null
     * @param label           how messages name it: "department D-1"
     */
    protected Uni<Long> reference(SqlConnection conn, ClaimedRow row, Supplier<Uni<Optional<Long>>> lookup,
                                  String stagedInterface, String code, String label, String selfField) {
        StagedReferences.SelfReference self = selfField == null ? null
                : new StagedReferences.SelfReference(table().tableName(), selfField);
        return lookup.get().chain(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                : staged.decide(conn, row, stagedInterface, code, label, self)
                        .chain(verdict -> lookup.get().map(again -> again.orElseThrow(() -> verdict.failed()
                                ? new ApplyException(ErrorClass.REFERENCE, label + " failed (receipt "
                                        + verdict.failedReceiptId() + "): " + verdict.error())
                                : new ApplyException(ErrorClass.REFERENCE, label + " does not exist or is archived "
                                        + "among the records " + row.sourceSystem() + " sent")))));
    }

    /** Fails the row when making {@code parentId} the parent of {@code existing} would make it its own ancestor. */
    protected Uni<Long> withoutLoop(SqlConnection conn, Optional<Linked> existing, long parentId, String label) {
        if (existing.isEmpty()) {
            return Uni.createFrom().item(parentId);
        }
        return table().parentWouldLoop(conn, existing.get().id(), parentId).map(loops -> {
            if (loops) {
                throw new ApplyException(ErrorClass.VALIDATION, label
                        + " is this record or one of its descendants; a record cannot be its own ancestor");
            }
            return parentId;
        });
    }
}
