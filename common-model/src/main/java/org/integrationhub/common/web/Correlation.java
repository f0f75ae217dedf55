package org.integrationhub.common.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id: the caller's {@code X-Correlation-Id} when it is a sane
 * token, else a new one. It is echoed in the response header, put in every problem body, and in
 * the log lines of the request (MDC key {@code correlationId}).
 */
public class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    static final String PROPERTY = "hub.correlationId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @ServerRequestFilter(preMatching = true, priority = 1)
    public void assign(ContainerRequestContext ctx) {
        String id = accept(ctx.getHeaderString(HEADER));
        ctx.setProperty(PROPERTY, id);
        MDC.put("correlationId", id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The caller's {@code X-Correlation-Id} when it is a sane token, else a new id. */
    public static String accept(String given) {
        return given != null && SANE.matcher(given).matches() ? given : newId();
    }

    /** A random id; it traces, it guards nothing, so it skips SecureRandom's shared lock. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The request's correlation id (assigning one if the filter has not run). */
    public static String of(ContainerRequestContext ctx) {
        Object id = ctx.getProperty(PROPERTY);
        if (id == null) {
            id = newId();
            ctx.setProperty(PROPERTY, id);
        }
        return id.toString();
    }
}
