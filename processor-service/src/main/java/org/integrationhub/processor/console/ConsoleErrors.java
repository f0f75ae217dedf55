package org.integrationhub.processor.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.web.Correlation;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.List;

/**
 * A console page that cannot be answered is answered as a page, in the operator's language, inside the console's
 * frame: the problem the services answer everywhere else (RFC 9457 JSON) would read as a broken page in a
 * browser. The problem's status, detail and correlation id are kept; only its form changes. The page has no
 * logout button: a request refused before its resource ran has no CSRF token to give a form.
 */
public class ConsoleErrors {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance error(Chrome chrome, String kind, int status, String detail, String correlationId);
    }

    @Inject
    SecurityIdentity identity;

    /**
     * An account without the role a change needs (only the console's resources check roles: the API's operator
     * key is checked by its filter). Quarkus would answer an empty 403; this is a problem like every other.
     */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        Problem problem = new Problem(ProblemType.FORBIDDEN.uri(), ProblemType.FORBIDDEN.title(), 403,
                "This change needs the operator role", request.getUriInfo().getRequestUri().getRawPath(),
                Correlation.of(request), List.of());
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** A console answer of 400 or more that is a problem, or has no body, becomes the console's error page. */
    @ServerResponseFilter
    public void page(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        Object entity = response.getEntity();
        if (status < 400 || !(entity == null || entity instanceof Problem)
                || !ConsoleResource.serves(request.getUriInfo().getRequestUri().getRawPath())) {
            return;
        }
        Problem problem = entity instanceof Problem p ? p : null;
        Chrome chrome = Chrome.of(identity, ConsoleLocale.of(request), Chrome.ERROR_PAGE, Chrome.pathOf(request.getUriInfo()));
        response.setEntity(render(chrome, status, problem, problem == null ? Correlation.of(request) : problem.correlationId()),
                null, HTML);
    }

    /** The error page for an answer of {@code status}, with {@code problem}'s detail when there is one. */
    static String render(Chrome chrome, int status, Problem problem, String correlationId) {
        return Templates.error(chrome, kind(status, problem), status, problem == null ? null : problem.detail(), correlationId)
                .setLocale(chrome.locale()).render();
    }

    /**
     * What went wrong, as the page tells it. A 400 without a problem is the CSRF check's (the only 400 the console
     * answers with no body): the form was older than the session's token, or was not the console's.
     */
    static String kind(int status, Problem problem) {
        return switch (status) {
            case 400 -> problem == null ? "form" : "request";
            case 403 -> "forbidden";
            case 404 -> "notFound";
            case 405 -> "request";
            case 503 -> "unavailable";
            default -> status >= 500 ? "failed" : "request";
        };
    }
}
