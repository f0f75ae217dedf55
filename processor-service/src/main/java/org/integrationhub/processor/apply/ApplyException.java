package org.integrationhub.processor.apply;

import org.integrationhub.common.model.ErrorClass;

/** A row that cannot be applied as it is; its message is written to the row for the partner and operator. */
public class ApplyException extends RuntimeException {

    private final ErrorClass errorClass;

    public ApplyException(ErrorClass errorClass, String message) {
        super(message, null, false, false);
        this.errorClass = errorClass;
    }

    public ErrorClass errorClass() {
        return errorClass;
    }

    public static ApplyException noSuchRecord(ClaimedRow row) {
        return new ApplyException(ErrorClass.REFERENCE, "no such record: " + row.interfaceName() + " "
                + row.sourceSystem() + "/" + row.externalId() + " was never created");
    }
}
