package org.integrationhub.common.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a request without {@code Content-Type} to an operation that takes a body ({@code @Consumes}) with a 415
 * problem. Quarkus REST checks a Content-Type against {@code @Consumes} only when one is sent, and would read a
 * body of unknown type as if it were JSON. Refuses a JSON body declared in a charset other than UTF-8 alike
 * ({@link #requireUtf8}). Runs before authentication, like the framework's own 415.
 */
public class ContentTypeRequired {

    /** How a client may name UTF-8, or ASCII, which is UTF-8 too. */
    private static final Set<String> UTF8 = Set.of("utf-8", "utf8", "us-ascii");

    /** Methods whose requests carry no body, whatever their resource declares. */
    private static final Set<String> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void require(ContainerRequestContext ctx, ResourceInfo resource) {
        Consumes consumes = consumes(resource);
        if (consumes == null || BODILESS.contains(ctx.getMethod())) {
            return; // no body is read: whatever Content-Type a client's defaults add does not matter
        }
        String contentType = ctx.getHeaderString("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body with a Content-Type header: " + String.join(", ", consumes.value()));
        }
        requireUtf8(mediaType(ctx));
    }

    /**
     * JSON between systems is UTF-8 (RFC 8259 §8.1), and the body is read as UTF-8 whatever its Content-Type says: a
     * body declared in another charset (GBK, GB18030, ISO-8859-1) is refused rather than read as UTF-8, which would
     * turn its text into other characters, or into U+FFFD, without a word. Only where an operation reads a body.
     */
    private static void requireUtf8(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && isJson(type) && !UTF8.contains(charset.strip().toLowerCase(Locale.ROOT))) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body is JSON, which is read as "
                    + "UTF-8 (RFC 8259); charset=" + charset.strip() + " is not accepted. Send the body in UTF-8, "
                    + "with charset=utf-8 or no charset");
        }
    }

    /** The request's media type, or null where it does not parse (Quarkus REST answers that itself). */
    private static MediaType mediaType(ContainerRequestContext ctx) {
        try {
            return ctx.getMediaType();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
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
