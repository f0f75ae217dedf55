package org.integrationhub.processor.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;

/**
 * Marks every cookie the console sets (the login session, the CSRF token, the language) Secure, unless
 * {@code hub.console.secure-cookies} is off (the local run and the tests, over plain HTTP). Quarkus marks
 * them Secure only when the request itself came over TLS, which behind an ingress that ends TLS it never does.
 */
@ApplicationScoped
public class SecureCookies {

    @Inject
    ConsoleConfig config;

    void register(@Observes Filters filters) {
        if (config.secureCookies()) {
            filters.register(this::markSecure, 100);
        }
    }

    void markSecure(RoutingContext rc) {
        if (rc.request().path().startsWith(ConsoleResource.ROOT)) {
            rc.addHeadersEndHandler(v -> secure(rc.response().headers()));
        }
        rc.next();
    }

    static void secure(MultiMap headers) {
        List<String> cookies = headers.getAll(HttpHeaders.SET_COOKIE);
        if (cookies.isEmpty()) {
            return;
        }
        headers.remove(HttpHeaders.SET_COOKIE);
        for (String cookie : cookies) {
            headers.add(HttpHeaders.SET_COOKIE, cookie.toLowerCase(Locale.ROOT).contains("; secure")
                    ? cookie : cookie + "; Secure");
        }
    }
}
