package org.integrationhub.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.integrationhub.common.model.DatabaseFaults;
import org.integrationhub.common.web.AllowedMethods;
import org.integrationhub.common.web.Correlation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every failure into an RFC 9457 problem: the services never answer an error in another
 * shape, and never put a stack trace, SQL or class name in a body.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @jakarta.inject.Inject
    org.integrationhub.common.model.DatabaseOutage outage;
    /** Seconds a client should wait after a 503 before retrying. */
    public static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    AllowedMethods allowedMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException e, ContainerRequestContext ctx) {
        if (e.type().status() >= 500) {
            LOG.warnf("correlationId=%s %s: %s", Correlation.of(ctx), e.type().title(), e.getMessage());
        }
        return build(e.type(), e.getMessage(), e.errors(), e.headers(), ctx);
    }

    /**
     * Exceptions the framework raises: an unknown path, a wrong method or media type, and a path, query or header
     * parameter it could not convert (Jakarta REST's bare 404 or 400, answered here as a 400 naming the parameter).
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext ctx, SimpleResourceInfo resource) {
        if (ParameterFaults.isConversionFailure(e)) {
            List<FieldError> errors = ParameterFaults.find(resource, ctx);
            return build(ProblemType.MALFORMED_REQUEST, errors.isEmpty()
                    ? "A path, query or header parameter does not have the expected format" : errors.get(0).message(),
                    errors, Map.of(), ctx);
        }
        int status = e.getResponse().getStatus();
        Map<String, String> headers = Map.of();
        if (status == 404 || status == 405) {
            // a path some resource serves, with another method: 405 naming the methods it takes
            Set<String> allowed = allowedMethods.at(ctx.getUriInfo().getRequestUri().getRawPath());
            if (!allowed.isEmpty() && !allowed.contains(ctx.getMethod())) {
                status = 405;
                headers = Map.of("Allow", String.join(", ", allowed));
            }
        }
        if (status >= 500) {
            LOG.errorf(e, "correlationId=%s unexpected %d", Correlation.of(ctx), status);
        }
        return build(ProblemType.forStatus(status), frameworkDetail(status, ctx.getMethod(), ctx.getUriInfo().getPath()),
                List.of(), headers, ctx);
    }

    /** The detail of a problem the framework raised with nothing but a status, here or in the HTTP layer. */
    public static String frameworkDetail(int status, String method, String path) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "Nothing is served at " + path;
            case 405 -> method + " is not allowed on " + path;
            case 406 -> "This resource answers application/json";
            case 413 -> "The request body is larger than this service accepts";
            case 414 -> "The request URI is longer than this service accepts";
            case 415 -> "Send the body as application/json";
            case 431 -> "The request's header fields are larger than this service accepts";
            default -> status >= 500 ? "The service failed to handle the request" : "The request could not be handled";
        };
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext ctx) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return build(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON for this operation" + where,
                List.of(), Map.of(), ctx);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext ctx, HttpServerRequest request) {
        String correlationId = Correlation.of(ctx);
        if (e instanceof IOException && request.response().ended()) {
            // reading the body failed after the HTTP layer had answered: Quarkus REST's own 413 for a body of
            // unannounced length over the limit (HTTP/2), or a client that left; nothing to answer or to fix here
            LOG.debugf("correlationId=%s %s %s after the answer was sent: %s", correlationId, ctx.getMethod(),
                    ctx.getUriInfo().getPath(), e.toString());
            return build(ProblemType.forStatus(request.response().getStatusCode()), "The request body could not be "
                    + "read whole", List.of(), Map.of(), ctx);
        }
        if (DatabaseFaults.isUnavailable(e)) {
            // one WARN per outage (DatabaseOutage); each request's 503 at DEBUG, with its correlation id
            outage.absorbs(e, "answering 503");
            LOG.debugf("correlationId=%s database unavailable: %s", correlationId, e.toString());
            return build(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable; retry later",
                    List.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS), ctx);
        }
        LOG.errorf(e, "correlationId=%s unexpected failure", correlationId);
        return build(ProblemType.INTERNAL_ERROR,
                "The service failed to handle the request; quote correlationId " + correlationId + " when reporting it",
                List.of(), Map.of(), ctx);
    }

    static Response build(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers,
                          ContainerRequestContext ctx) {
        Problem body = new Problem(type.uri(), type.title(), type.status(), detail,
                ctx.getUriInfo().getRequestUri().getRawPath(), Correlation.of(ctx), errors);
        Response.ResponseBuilder response = Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(response::header);
        return response.build();
    }
}
