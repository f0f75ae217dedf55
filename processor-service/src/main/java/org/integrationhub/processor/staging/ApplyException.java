package org.integrationhub.processor.staging;

import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.registry.RuleViolation;

/** A row that cannot be applied as it is; its message is written to the row for the partner and operator. */
public class ApplyException extends RuleViolation {

    public ApplyException(ErrorClass errorClass, String message) {
        super(errorClass, message);
    }

    public static ApplyException noSuchRecord(ClaimedRow row) {
        return new ApplyException(ErrorClass.REFERENCE, "no such record: " + row.interfaceName() + " "
                + row.sourceSystem() + "/" + row.externalId() + " was never created");
    }
}
