package org.integrationhub.processor.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.Map;

/** The frame of the console page being answered: who asks, in which language, on which page. */
@ApplicationScoped
public class Pages {

    @Inject
    SecurityIdentity identity;
    @Inject
    HttpHeaders headers;
    @Inject
    UriInfo uri;

    /** The frame of {@code page} (overview, records, schedules, business, audit) for the signed-in account. */
    public Chrome chrome(String page) {
        return Chrome.of(identity, headers, uri, page);
    }

    /** The frame of a page before anyone signed in (the login page). */
    public Chrome anonymous(String page) {
        return new Chrome(null, null, ConsoleLocale.of(headers), page, Chrome.pathOf(uri));
    }

    /** The query string's parameters, the first value of each. */
    public Map<String, String> query() {
        Map<String, String> single = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> single.put(name, values.isEmpty() ? null : values.get(0)));
        return single;
    }

    /** Whether the request came over HTTPS (directly, or as the proxy in front says). */
    public boolean secure() {
        return "https".equals(uri.getRequestUri().getScheme());
    }

    /** The signed-in account's name: who an action is audited as. */
    public String user() {
        return identity.getPrincipal().getName();
    }
}
