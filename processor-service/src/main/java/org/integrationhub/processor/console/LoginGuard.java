package org.integrationhub.processor.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.integrationhub.common.security.AuthFailureLimiter;
import org.integrationhub.common.validation.StorableText;
import org.integrationhub.processor.admin.AuditLog;
import org.jboss.logging.Logger;

/**
 * Failed console logins: each goes to the audit log (the name tried and the client's address), and an address
 * that fails more than {@code hub.console.login-failures-per-minute} times is sent back to the login page,
 * without its password being checked, until its allowance refills. The right password is refused too while
 * the address waits, so guessing cannot be sped up, and the bcrypt checks an address can cause are bounded.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class);
    /** The longest name tried that the audit log keeps. */
    static final int MAX_NAME = 64;

    private final AuthFailureLimiter failures;
    private final String postLocation;
    private final String errorPage;

    @Inject
    AuditLog audit;

    @Inject
    LoginGuard(ConsoleConfig config, @ConfigProperty(name = "quarkus.http.auth.form.post-location") String postLocation,
               @ConfigProperty(name = "quarkus.http.auth.form.error-page") String errorPage) {
        this.failures = new AuthFailureLimiter(config.loginFailuresPerMinute());
        this.postLocation = postLocation;
        this.errorPage = errorPage;
    }

    void register(@Observes Filters filters) {
        // before the authentication handler (priority 200), which checks the password
        filters.register(this::guard, 250);
    }

    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (request.method() == HttpMethod.POST && postLocation.equals(request.path())) {
            String address = address(request);
            long wait = failures.blocked(address);
            if (wait > 0) {
                rc.redirect(ConsoleResource.ROOT + "/login?wait=" + wait);
                return;
            }
            // the form mechanism answers a wrong password with a redirect to its error page (it fires no event)
            rc.addHeadersEndHandler(v -> {
                String location = rc.response().headers().get(HttpHeaders.LOCATION);
                if (rc.response().getStatusCode() == 302 && location != null && location.endsWith(errorPage)) {
                    failed(address, request.getFormAttribute("j_username"));
                }
            });
        }
        rc.next();
    }

    private void failed(String address, String typed) {
        failures.failed(address);
        String tried = name(typed);
        audit.record(tried, "login.failed", tried, new JsonObject().put("address", address)).subscribe().with(
                done -> { },
                e -> LOG.warnf("could not audit a failed login of %s from %s: %s", tried, address, e.getMessage()));
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The name as typed, cut to {@link #MAX_NAME} characters, what the database cannot store written as escapes. */
    static String name(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "(none)";
        }
        String kept = StorableText.escape(typed);
        return kept.codePointCount(0, kept.length()) <= MAX_NAME ? kept
                : kept.substring(0, kept.offsetByCodePoints(0, MAX_NAME)) + "…";
    }
}
