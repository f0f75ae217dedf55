package org.integrationhub.processor.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.integrationhub.common.security.AuthFailureLimiter;
import org.integrationhub.common.validation.StorableText;
import org.integrationhub.processor.admin.AuditLog;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Locale;

/**
 * Failed console logins: each goes to the audit log (by "anonymous", on the name tried, with the client's
 * address), and more than {@code hub.console.login-failures-per-minute} failures, from one client address or
 * against one name, send the next logins of that address or name back to the login page without a password
 * check, until the allowance refills. The right password is refused too meanwhile, so guessing cannot be sped
 * up from many addresses or at many names from one, and the bcrypt checks anyone can cause stay bounded.
 */
@ApplicationScoped
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The longest name tried that the audit log keeps. */
    static final int MAX_NAME = 64;
    /** Who a failed login is audited as: no one signed in. */
    static final String ANONYMOUS = "anonymous";
    /** Set on the request by {@link UsernameGate} when the name itself has to wait: the seconds. */
    static final String NAME_WAIT = "hub.login.name-wait";

    /** A failed login, audited off the event loop. */
    record Failed(String name, String address) {
    }

    private final AuthFailureLimiter byAddress;
    private final AuthFailureLimiter byName;
    private final String postLocation;
    private final String errorPage;

    @Inject
    AuditLog audit;
    @Inject
    Event<Failed> failed;

    @Inject
    LoginGuard(ConsoleConfig config, @ConfigProperty(name = "quarkus.http.auth.form.post-location") String postLocation,
               @ConfigProperty(name = "quarkus.http.auth.form.error-page") String errorPage) {
        this.byAddress = new AuthFailureLimiter(config.loginFailuresPerMinute());
        this.byName = new AuthFailureLimiter(config.loginFailuresPerMinute());
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
            long wait = byAddress.blocked(address);
            if (wait > 0) {
                rc.redirect(waitPage(wait));
                return;
            }
            // the form mechanism answers a wrong password with a redirect to its error page (it fires no event)
            rc.addHeadersEndHandler(v -> {
                String location = rc.response().headers().get(HttpHeaders.LOCATION);
                if (rc.response().getStatusCode() != 302 || location == null || !location.endsWith(errorPage)) {
                    return;
                }
                Long nameWait = rc.get(NAME_WAIT);
                if (nameWait != null) {
                    rc.response().headers().set(HttpHeaders.LOCATION, waitPage(nameWait));
                    return;
                }
                String name = key(request.getFormAttribute("j_username"));
                byAddress.failed(address);
                byName.failed(name);
                failed.fireAsync(new Failed(name, address));
            });
        }
        rc.next();
    }

    /** The seconds {@code username} must wait before its password is checked again; 0 when it need not. */
    long nameBlocked(String username) {
        return byName.blocked(key(username));
    }

    /** An asynchronous observer runs on a worker thread, where waiting for the insert is allowed. */
    void audit(@ObservesAsync Failed login) {
        try {
            audit.record(ANONYMOUS, "login.failed", login.name(), new JsonObject().put("address", login.address()))
                    .await().atMost(WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("could not audit a failed login to %s from %s: %s", login.name(), login.address(), e.getMessage());
        }
    }

    private static String waitPage(long seconds) {
        return ConsoleResource.ROOT + "/login?wait=" + seconds;
    }

    private static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /**
     * The name as typed, as the audit log keeps it and the limit counts it: lower case, cut to {@link #MAX_NAME}
     * characters, what the database cannot store written as escapes.
     */
    static String key(String typed) {
        if (typed == null || typed.isEmpty()) {
            return "(none)";
        }
        String kept = StorableText.escape(typed.toLowerCase(Locale.ROOT));
        return kept.codePointCount(0, kept.length()) <= MAX_NAME ? kept
                : kept.substring(0, kept.offsetByCodePoints(0, MAX_NAME)) + "…";
    }
}
