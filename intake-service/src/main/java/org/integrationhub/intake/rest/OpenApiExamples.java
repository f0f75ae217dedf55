package org.integrationhub.intake.rest;

/**
 * Request and problem examples shown in the OpenAPI document (compile-time constants for the annotations). Only
 * problems with field errors are spelled out here; ProblemResponsesFilter gives every other error response its
 * example.
 */
final class OpenApiExamples {

    private static final String CORRELATION = "\"correlationId\": \"4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10\"";

    /** Where the single-record problems happened, with their correlation id: the same in each example. */
    private static final String AT_RECORDS = "\"instance\": \"/api/v1/interfaces/departments/records\", " + CORRELATION;

    static final String VALIDATION_PROBLEM = """
            {"type": "urn:integration-hub:problem:validation-failed",
             "title": "The record breaks the interface's rules", "status": 400,
             "detail": "name is required",
             """ + AT_RECORDS + """
            ,
             "errors": [{"field": "data.name", "code": "required", "message": "name is required"}]}""";

    static final String MALFORMED_PROBLEM = """
            {"type": "urn:integration-hub:problem:malformed-request", "title": "Malformed request", "status": 400,
             "detail": "The body is not valid JSON: Unexpected end-of-input (line 1, column 27)",
             """ + AT_RECORDS + """
            , "errors": []}""";

    static final String FORBIDDEN_PROBLEM = """
            {"type": "urn:integration-hub:problem:forbidden", "title": "Not allowed for this API key", "status": 403,
             "detail": "sourceSystem 'ERP' is not your key's source system 'HIS'",
             """ + AT_RECORDS + """
            ,
             "errors": [{"field": "sourceSystem", "code": "not_allowed",
                         "message": "sourceSystem 'ERP' is not your key's source system 'HIS'"}]}""";

    static final String REFERENCE_PROBLEM = """
            {"type": "urn:integration-hub:problem:unknown-reference", "title": "A referenced record does not exist",
             "status": 422, "detail": "No active department with code 'D-001', and none waiting from HIS",
             """ + AT_RECORDS + """
            ,
             "errors": [{"field": "data.parentCode", "code": "unknown_reference",
                         "message": "No active department with code 'D-001', and none waiting from HIS"}]}""";

    static final String KEY_REUSED_PROBLEM = """
            {"type": "urn:integration-hub:problem:idempotency-key-reused",
             "title": "Idempotency key reused with another body", "status": 422,
             "detail": "Idempotency key 'HIS-D-100-1' was already used for another record body; use a new key for each record",
             """ + AT_RECORDS + """
            ,
             "errors": [{"field": "messageId", "code": "not_allowed",
                         "message": "Idempotency key 'HIS-D-100-1' was already used for another record body; use a new key for each record"}]}""";

    static final String BATCH_RESULT = """
            {"accepted": 1, "rejected": 1, "results": [
              {"index": 0, "receiptId": "01a2180d-12c0-7713-865c-d8a1725421bf", "status": "PENDING"},
              {"index": 1, "status": "REJECTED",
               "errors": [{"field": "records[1].data.name", "code": "required", "message": "name is required"}]}
            ]}""";

    static final String BATCH_TOO_LARGE_PROBLEM = """
            {"type": "urn:integration-hub:problem:validation-failed",
             "title": "The record breaks the interface's rules", "status": 400,
             "detail": "records holds 1001 envelopes; a batch takes at most 1000",
             "instance": "/api/v1/interfaces/departments/records/batch",
             """ + CORRELATION + """
            ,
             "errors": [{"field": "records", "code": "too_long",
                         "message": "records holds 1001 envelopes; a batch takes at most 1000"}]}""";

    private OpenApiExamples() {
    }
}
