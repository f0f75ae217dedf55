package org.integrationhub.common.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Refuses a request without {@code Content-Type} to an operation that takes a body ({@code @Consumes}) with a 415
 * problem. Quarkus REST checks a Content-Type against {@code @Consumes} only when one is sent, and would read a
 * body of unknown type as if it were JSON. Runs before authentication, like the framework's own 415.
 */
public class ContentTypeRequired {

    /** Methods whose requests carry no body, whatever their resource declares. */
    private static final Set<String> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void require(ContainerRequestContext ctx, ResourceInfo resource) {
        String contentType = ctx.getHeaderString("Content-Type");
        if (contentType != null && !contentType.isBlank() || BODILESS.contains(ctx.getMethod())) {
            return;
        }
        Consumes consumes = consumes(resource);
        if (consumes != null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body with a Content-Type header: " + String.join(", ", consumes.value()));
        }
    }

    private static Consumes consumes(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        return consumes != null ? consumes : resource.getResourceClass().getAnnotation(Consumes.class);
    }
}
