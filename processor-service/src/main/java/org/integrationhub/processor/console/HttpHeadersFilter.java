package org.integrationhub.processor.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The headers the processor's answers carry, by the raw path (a route by path pattern would decode the path
 * first and answer a bad escape with a bare 400 before RequestHead can answer it as a problem):
 * <ul>
 * <li>console pages: a Content-Security-Policy of the hub's own origin, never framed, no sniffing, not cached
 *     (their cookies are Secure whenever the request came over HTTPS, directly or through a proxy that says so
 *     in X-Forwarded-Proto: Quarkus' own rule, with {@code quarkus.http.proxy.*} set);</li>
 * <li>the console's assets: asked again each time, no sniffing;</li>
 * <li>API answers: not cached, no sniffing, and no console cookie (the console's CSRF filter would hand every
 *     GET one).</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHeadersFilter {

    static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; "
            + "object-src 'none'";

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name")
    String csrfCookie;

    void register(@Observes Filters filters) {
        filters.register(this::headers, 100);
    }

    void headers(RoutingContext rc) {
        String path = rc.request().path();
        if (ConsoleResource.serves(path)) {
            page(rc.response().headers());
        } else if (path.startsWith(ConsoleResource.ASSETS + "/")) {
            // the same release's assets: asked again each time (no-cache), never read as another type
            rc.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-cache").set("X-Content-Type-Options", "nosniff");
        } else if (path.startsWith("/api/")) {
            rc.response().headers().set(HttpHeaders.CACHE_CONTROL, "no-store").set("X-Content-Type-Options", "nosniff");
            // runs before the response's cookies are written: the CSRF token cookie is the console's business
            rc.addHeadersEndHandler(v -> rc.response().removeCookies(csrfCookie, false));
        }
        rc.next();
    }

    /** A console page's headers; also set by {@link ConsoleProblemPages}, whose answers may come before this filter. */
    static void page(MultiMap headers) {
        headers.set("Content-Security-Policy", CSP);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "same-origin");
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
