package org.integrationhub.intake.rest;

/** Problem examples shown in the OpenAPI document. */
final class OpenApiExamples {

    static final String VALIDATION_PROBLEM = """
            {
              "type": "urn:integration-hub:problem:validation-failed",
              "title": "The record breaks the interface's rules",
              "status": 400,
              "detail": "name is required",
              "instance": "/api/v1/interfaces/departments/records",
              "correlationId": "4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10",
              "errors": [ { "field": "data.name", "code": "required", "message": "name is required" } ]
            }""";

    static final String UNAUTHORIZED_PROBLEM = """
            {
              "type": "urn:integration-hub:problem:unauthorized",
              "title": "Missing or unknown API key",
              "status": 401,
              "detail": "Send your API key in the X-API-Key header",
              "instance": "/api/v1/interfaces/departments/records",
              "correlationId": "4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10",
              "errors": []
            }""";

    static final String REFERENCE_PROBLEM = """
            {
              "type": "urn:integration-hub:problem:unknown-reference",
              "title": "A referenced record does not exist",
              "status": 422,
              "detail": "No active departments record with code 'D-001', and none waiting from HIS",
              "instance": "/api/v1/interfaces/departments/records",
              "correlationId": "4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10",
              "errors": [ { "field": "data.parentCode", "code": "unknown_reference",
                            "message": "No active departments record with code 'D-001', and none waiting from HIS" } ]
            }""";

    private OpenApiExamples() {
    }
}
