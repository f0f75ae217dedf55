package org.integrationhub.common.problem;

/**
 * The kinds of problem the services answer with. Each has a stable {@code type} URI that partners
 * may switch on, and an HTTP status.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
    VALIDATION_FAILED(400, "validation-failed", "The record breaks the interface's rules"),
    UNAUTHORIZED(401, "unauthorized", "Missing or unknown API key"),
    FORBIDDEN(403, "forbidden", "Not allowed for this API key"),
    NOT_FOUND(404, "not-found", "Not found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
    CONFLICT(409, "conflict", "Not possible in the resource's current state"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Request body must be uncompressed JSON"),
    UNKNOWN_REFERENCE(422, "unknown-reference", "A referenced record does not exist"),
    IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key reused with another body"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "Request header fields too large"),
    INTERNAL_ERROR(500, "internal-error", "Internal error"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Service temporarily unavailable");

    /** Base of every problem type URI; the OpenAPI document describes each. */
    public static final String TYPE_BASE = "urn:integration-hub:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return TYPE_BASE + slug;
    }

    public String title() {
        return title;
    }

    /** The type for an HTTP status raised by the framework itself (404 for an unknown path, ...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != VALIDATION_FAILED && t != IDEMPOTENCY_KEY_REUSED) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
