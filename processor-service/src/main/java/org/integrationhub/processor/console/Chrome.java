package org.integrationhub.processor.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What every console page's frame needs: who is signed in, in which language, and which page is open.
 *
 * @param user     the account's username; null on the login page
 * @param role     {@code viewer} or {@code operator}; null on the login page
 * @param locale   the page's language
 * @param page     the open page, to mark it in the navigation: overview, records, schedules, business, audit; or error
 * @param path     the page's path and query, where the language switcher returns to
 */
public record Chrome(String user, String role, Locale locale, String page, String path) {

    /** The page of an answer that could not be given ({@link ConsoleErrors}). */
    static final String ERROR_PAGE = "error";

    /** The frame of a page for the signed-in account. */
    static Chrome of(SecurityIdentity identity, HttpHeaders headers, UriInfo uri, String page) {
        return of(identity, ConsoleLocale.of(headers), page, pathOf(uri));
    }

    /** The frame for whoever {@code identity} is: the signed-in account, or no one (the login page's frame). */
    static Chrome of(SecurityIdentity identity, Locale locale, String page, String path) {
        if (identity.isAnonymous()) {
            return new Chrome(null, null, locale, page, path);
        }
        String role = identity.hasRole(OperatorAccount.OPERATOR) ? OperatorAccount.OPERATOR : OperatorAccount.VIEWER;
        return new Chrome(identity.getPrincipal().getName(), role, locale, page, path);
    }

    static String pathOf(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    public boolean operator() {
        return OperatorAccount.OPERATOR.equals(role);
    }

    /** The page's path and query, URL-encoded for the language switcher's {@code back} parameter. */
    public String back() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** The {@code lang} attribute of the page. */
    public String lang() {
        return locale.getLanguage().equals(ConsoleLocale.CHINESE.getLanguage()) ? "zh-CN" : "en";
    }
}
