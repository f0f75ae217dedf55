package org.integrationhub.processor.console;

import io.quarkus.vertx.http.runtime.security.FormAuthenticationEvent;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.integrationhub.processor.admin.AuditLog;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/** Every console login goes to the audit log: who and when (Quarkus fires the event once per form login). */
@ApplicationScoped
public class LoginAudit {

    private static final Logger LOG = Logger.getLogger(LoginAudit.class);
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AuditLog audit;

    void onLogin(@ObservesAsync FormAuthenticationEvent login) {
        String who = login.getSecurityIdentity().getPrincipal().getName();
        try {
            // an asynchronous observer runs on a worker thread, where waiting is allowed
            audit.record(who, "login", who, new JsonObject().put("roles", new JsonArray(List.copyOf(login.getSecurityIdentity().getRoles()))))
                    .await().atMost(WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("could not audit the login of %s: %s", who, e.getMessage());
        }
    }
}
