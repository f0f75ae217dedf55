package org.integrationhub.common.security;

import io.smallrye.common.vertx.ContextLocals;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The authenticated caller of the current request, set by {@link ApiKeyFilter}. Kept in the request's
 * Vert.x duplicated context rather than a request-scoped bean, so a request activates no CDI request
 * scope on the hot path.
 */
@ApplicationScoped
public class CallerContext {

    private static final String KEY = "hub.caller";

    public Caller get() {
        return ContextLocals.<Caller>get(KEY)
                .orElseThrow(() -> new IllegalStateException("no authenticated caller on this request"));
    }

    void set(Caller caller) {
        ContextLocals.put(KEY, caller);
    }
}
