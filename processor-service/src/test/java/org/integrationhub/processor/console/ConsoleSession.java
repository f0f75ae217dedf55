package org.integrationhub.processor.console;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's session with the console, as far as HTTP goes: it logs in through the form, keeps its cookies
 * (the session, the CSRF token, the language) and reads the CSRF token of the last page for its next form.
 */
final class ConsoleSession {

    /** The development accounts (dev-support's dev-credentials.sql). */
    static final String OPS = "ops";
    static final String OPS_PASSWORD = "ops-dev-password";
    static final String VIEWER = "viewer";
    static final String VIEWER_PASSWORD = "viewer-dev-password";

    private static final Pattern CSRF = Pattern.compile("name=\"hub-csrf\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private String csrf;

    static ConsoleSession loggedIn(String user, String password) {
        ConsoleSession session = new ConsoleSession();
        Response login = session.login(user, password);
        assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/console");
        return session;
    }

    /** Posts the login form; the answer is the redirect, not followed. */
    Response login(String user, String password) {
        return request().formParam("j_username", user).formParam("j_password", password)
                .post("/console/j_security_check");
    }

    RequestSpecification request() {
        return given().filter(cookies).redirects().follow(false);
    }

    /** A page, with status 200; remembers its CSRF token. */
    String page(String path) {
        Response page = request().get(path);
        assertThat(page.statusCode()).as("GET " + path).isEqualTo(200);
        String html = page.asString();
        Matcher token = CSRF.matcher(html);
        if (token.find()) {
            csrf = token.group(1);
        }
        return html;
    }

    /** A form post with the CSRF token of the last page read. */
    RequestSpecification form() {
        assertThat(csrf).as("a page with a form was read first").isNotNull();
        return request().formParam("hub-csrf", csrf);
    }
}
