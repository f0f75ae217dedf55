package org.integrationhub.processor.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps forms off the API. The console's CSRF check (quarkus-rest-csrf) looks at every form posted to any
 * resource of this service and refuses one without its token with an empty 400; the API is authenticated by a
 * key in a header, which no other site can send, and takes JSON or nothing. So before any resource is chosen:
 * an empty form body on the API ({@code curl -d ''}) is treated as no body, and a non-empty one is 415, as a
 * problem, as every other wrong media type is.
 */
public class NoFormsOnTheApi {

    @ServerRequestFilter(preMatching = true)
    public void filter(ContainerRequestContext ctx, HttpServerRequest request) {
        MediaType type = ctx.getMediaType();
        // the raw path: decoding it here would fail on a bad escape before the layer that answers it as a problem
        if (type == null || !isForm(type) || !request.path().startsWith("/api/")) {
            return;
        }
        if (ctx.getLength() == 0) {
            ctx.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return;
        }
        throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The API takes JSON (application/json), not "
                + type.getType() + "/" + type.getSubtype());
    }

    private static boolean isForm(MediaType type) {
        return type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE);
    }
}
