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

    static final String RECONCILE_REQUEST = """
            {"items": [
              {"externalId": "D-100", "sentAt": "2026-11-26T08:00:00+08:00"},
              {"externalId": "D-101", "sentAt": "2026-11-26T08:00:00+08:00",
               "dataHash": "9a4f1e1f0d9b3c2e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e"},
              {"externalId": "D-102", "sentAt": "2026-11-26T09:30:00+08:00"}
            ]}""";

    static final String RECONCILE_ANSWER = """
            {"interface": "departments",
             "counts": {"IN_SYNC": 1, "STALE": 0, "AHEAD": 0, "PENDING": 0, "FAILED": 1, "MISSING": 1},
             "results": [
              {"index": 0, "externalId": "D-100", "sentAt": "2026-11-26T00:00:00Z", "state": "IN_SYNC",
               "receiptId": "0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d", "appliedSentAt": "2026-11-26T00:00:00Z",
               "active": true},
              {"index": 1, "externalId": "D-101", "sentAt": "2026-11-26T00:00:00Z", "state": "FAILED",
               "receiptId": "0190f0a3-7c1f-7a10-8d2e-0b1c2d3e4f50",
               "errorMessage": "parent department D-999 does not exist or is archived"},
              {"index": 2, "externalId": "D-102", "sentAt": "2026-11-26T01:30:00Z", "state": "MISSING"}
            ]}""";

    static final String OUTCOME_PAGE = """
            {"items": [
              {"receiptId": "0190f0a3-7c1f-7a10-8d2e-0b1c2d3e4f50", "interface": "departments", "sourceSystem": "HIS",
               "externalId": "D-101", "operation": "CREATE", "sentAt": "2026-11-26T00:00:00Z",
               "receivedAt": "2026-11-26T00:00:01.204518Z", "status": "FAILED",
               "errorMessage": "parent department D-999 does not exist or is archived", "attempts": 1,
               "processedAt": "2026-11-26T00:00:01.731902Z"}
             ],
             "next": "MS43NjEyNDkuMDE5MGYwYTMtN2MxZi03YTEwLThkMmUtMGIxYzJkM2U0ZjUw", "more": false}""";

    static final String SUMMARY = """
            {"interface": "departments", "sourceSystem": "HIS",
             "rows": {"PENDING": 2, "PROCESSING": 0, "PROCESSED": 1480, "FAILED": 3, "SKIPPED": 12},
             "activeRecords": 1391, "archivedRecords": 17, "newestAppliedSentAt": "2026-11-26T01:29:58Z"}""";

    private OpenApiExamples() {
    }
}
