package org.integrationhub.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.web.Correlation;
import org.integrationhub.common.web.RequestHead;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes every API operation's error responses in the OpenAPI document: each is
 * {@code application/problem+json} with the Problem schema and an example; every operation lists the 500 and 503
 * any call can meet, an operation with parameters the 400 for a malformed one, and an operation with a body the
 * 415, an operation that needs a key the 401, 403 and 429. Every answer declares its X-Correlation-Id header. Resources
 * describe their specific errors; this fills in the rest, adds to the API's description the errors of the HTTP layer
 * that no operation declares, and writes Java types as plain strings ({@link JavaTypeSchemas}).
 */
public class ProblemResponsesFilter implements OASFilter {

    /** The errors any request can meet before an operation is chosen; see RequestHead and BodyLimit. */
    static final String HTTP_LAYER_ERRORS = "\n\nEvery error answer, from whatever layer, is application/problem+json "
            + "with type, title, status, detail, instance, correlationId and errors. Besides each operation's own: "
            + "405 with an Allow header for a method a path does not serve; 400 for a request URI that is not valid "
            + "(such as a malformed %-escape) or that has matrix parameters (';' in a path segment); 414 for a request "
            + "line over quarkus.http.limits.max-initial-line-length (4096 characters by default); 431 for header "
            + "fields over quarkus.http.limits.max-header-size (20 KiB by default); 413 for a body over "
            + "quarkus.http.limits.max-body-size, announced or chunked; 400 for a Transfer-Encoding other than "
            + "chunked alone, for a POST, PUT or PATCH whose chunked body is empty, and for a header field sent twice "
            + "that a request carries once (" + String.join(", ", RequestHead.ONCE) + "); 415 for a body without "
            + "Content-Type, for JSON declared in a "
            + "charset other than UTF-8 (send UTF-8, RFC 8259), and for a Content-Encoding other than identity (send "
            + "bodies uncompressed; the answer carries Accept-Encoding: identity).";

    private final String forbidden;

    /** For a document whose 403s say why generally, such as "Not an operator key". */
    public ProblemResponsesFilter(String forbidden) {
        this.forbidden = forbidden;
    }

    public ProblemResponsesFilter() {
        this("The API key is not allowed this call");
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getInfo() != null) {
            String description = openAPI.getInfo().getDescription();
            openAPI.getInfo().setDescription((description == null ? "" : description) + HTTP_LAYER_ERRORS);
            // the hub is licensed to whoever runs it, under no public licence: an SPDX LicenseRef says so
            openAPI.getInfo().setLicense(OASFactory.createLicense().name("Proprietary")
                    .identifier("LicenseRef-Proprietary"));
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            boolean pathParameters = path.getValue().getParameters() != null && !path.getValue().getParameters().isEmpty();
            for (Operation operation : path.getValue().getOperations().values()) {
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    continue;
                }
                if (pathParameters || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                    addIfAbsent(responses, "400", "A path, query or header parameter is malformed; errors[] names it");
                }
                if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
                    addIfAbsent(responses, "401", "No or unknown API key");
                    addIfAbsent(responses, "403", forbidden);
                    addIfAbsent(responses, "429", "Over this API key's request rate; retry after Retry-After seconds");
                }
                if (operation.getRequestBody() != null) {
                    addIfAbsent(responses, "415", "The body has no Content-Type or another than the operation takes, "
                            + "or is compressed (Content-Encoding other than identity)");
                }
                complete(responses, path.getKey());
            }
        }
        JavaTypeSchemas.inline(openAPI);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void complete(APIResponses responses, String path) {
        addIfAbsent(responses, "500", "Unexpected fault; quote the correlationId when reporting it");
        addIfAbsent(responses, "503", "The database is unavailable; retry after Retry-After seconds");
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            int status = Integer.parseInt(entry.getKey());
            APIResponse response = entry.getValue();
            if (response.getHeaders() == null || !response.getHeaders().containsKey(Correlation.HEADER)) {
                response.addHeader(Correlation.HEADER, OASFactory.createHeader()
                        .description("The request's correlation id: the caller's own X-Correlation-Id when it sent a "
                                + "sane one (8 to 64 letters, digits, '-', '_', '.'), else a new one; in every log "
                                + "line about the request and in a problem's correlationId")
                        .schema(OASFactory.createSchema().addType(
                                org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
            }
            if (status < 400) {
                continue;
            }
            Content content = response.getContent();
            if (content == null) {
                content = OASFactory.createContent();
                response.setContent(content);
            }
            MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
            if (problem == null) {
                problem = OASFactory.createMediaType();
                content.addMediaType(Problem.MEDIA_TYPE, problem);
            }
            if (problem.getSchema() == null) {
                problem.setSchema(OASFactory.createSchema().ref("Problem"));
            }
            if ((problem.getExamples() == null || problem.getExamples().isEmpty()) && problem.getExample() == null) {
                problem.addExample(ProblemType.forStatus(status).name().toLowerCase().replace('_', '-'),
                        OASFactory.createExample().value(example(status, path)));
            }
            if (status == 429 || status == 503) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.INTEGER)));
            }
        }
    }

    static Map<String, Object> example(int status, String path) {
        ProblemType type = ProblemType.forStatus(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type.uri());
        example.put("title", type.title());
        example.put("status", status);
        example.put("detail", switch (status) {
            case 401 -> "Send your API key in the X-API-Key header";
            case 403 -> "Your API key is not allowed to do this";
            case 404 -> "Not found";
            case 409 -> "Receipt 0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d is PROCESSED; only a FAILED row can be retried";
            case 413 -> "The request body is larger than the 1048576 bytes this service accepts";
            case 414 -> "The request line is 12018 characters; this service accepts at most 4096";
            case 415 -> "Send the body as application/json";
            case 431 -> "The header fields take 40110 bytes; this service accepts at most 20480";
            case 429 -> "Over the request rate of this API key; retry after 1 s";
            case 503 -> "The database is unavailable; retry later";
            case 500 -> "The service failed to handle the request; quote correlationId "
                    + "4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10 when reporting it";
            default -> type.title();
        });
        example.put("instance", path);
        example.put("correlationId", "4f1c2b9e-1d1a-4b8e-9b7e-2f0c6f1f9a10");
        example.put("errors", List.of());
        return example;
    }
}
