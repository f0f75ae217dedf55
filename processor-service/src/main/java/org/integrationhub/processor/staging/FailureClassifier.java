package org.integrationhub.processor.staging;

import io.vertx.pgclient.PgException;
import org.integrationhub.common.model.DatabaseFaults;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.registry.RuleViolation;

/** Decides what a failed apply becomes: a retry for passing faults, FAILED with a class for the rest. */
public final class FailureClassifier {

    private FailureClassifier() {
    }

    public record Classified(ErrorClass errorClass, String message) {
    }

    public static Classified classify(Throwable failure) {
        if (failure instanceof RuleViolation apply) {
            return new Classified(apply.errorClass(), apply.getMessage());
        }
        if (DatabaseFaults.isTransient(failure)) {
            return new Classified(ErrorClass.TRANSIENT, "passing database fault: " + failure.getMessage());
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                if (state.equals("23505")) {
                    return new Classified(ErrorClass.CONFLICT, "clashes with an existing record: " + pg.getDetail());
                }
                if (state.equals("23503")) {
                    return new Classified(ErrorClass.REFERENCE, "references a record that does not exist: " + pg.getDetail());
                }
                if (state.startsWith("22") || state.startsWith("23")) {
                    return new Classified(ErrorClass.VALIDATION, "breaks a data rule: " + pg.getErrorMessage());
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new Classified(ErrorClass.INTERNAL, "internal error: " + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage()));
    }
}
