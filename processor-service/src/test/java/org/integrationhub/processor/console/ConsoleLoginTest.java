package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.devsupport.Await;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.console.ConsoleSession.OPS;
import static org.integrationhub.processor.console.ConsoleSession.OPS_PASSWORD;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER;
import static org.integrationhub.processor.console.ConsoleSession.VIEWER_PASSWORD;

/** Who gets into the console and how: form login against operator_account, session cookie, CSRF, logout. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleLoginTest {

    @Inject
    Pool pool;
    @Inject
    AccountBootstrap bootstrap;

    @Test
    void aPageWithoutASessionSendsTheBrowserToTheLoginPage() {
        given().redirects().follow(false).get("/console").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/login"));
        Response login = given().get("/console/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.asString()).contains("j_security_check", "j_password");
        assertThat(login.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(login.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(login.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aWrongPasswordIsRefusedAndSetsNoSession() {
        ConsoleSession session = new ConsoleSession();
        Response refused = session.login(OPS, "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/console/login?error=true");
        assertThat(refused.getCookie("hub-console")).isNull();
        assertThat(session.request().get("/console").statusCode()).isEqualTo(302);
        assertThat(session.page("/console/login?error=true")).contains("Wrong username or password.");
    }

    @Test
    void anOperatorLogsInWithAnHttpOnlySameSiteSessionAndSeesEveryInterface() {
        String cookie = sessionCookie(new ConsoleSession().login(OPS, OPS_PASSWORD));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/console");

        String overview = ConsoleSession.loggedIn(OPS, OPS_PASSWORD).page("/console");
        assertThat(overview).contains("Signed in as ops (operator)");
        InterfaceRegistry.all().forEach(d -> assertThat(overview).contains("data-interface=\"" + d.name() + "\""));
    }

    @Test
    void theSessionCookieIsSecureWhenTheRequestCameOverHttps() {
        Response direct = new ConsoleSession().login(OPS, OPS_PASSWORD);
        assertThat(sessionCookie(direct)).as("plain HTTP, as in the local run").doesNotContainIgnoringCase("secure");
        Response proxied = new ConsoleSession().request().header("X-Forwarded-Proto", "https")
                .formParam("j_username", OPS).formParam("j_password", OPS_PASSWORD).post("/console/j_security_check");
        assertThat(sessionCookie(proxied)).as("behind an ingress that ends TLS").containsIgnoringCase("; Secure");
    }

    private static String sessionCookie(Response login) {
        return login.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith("hub-console="))
                .findFirst().orElseThrow();
    }

    @Test
    void aViewerIsSignedInAsAViewer() {
        assertThat(ConsoleSession.loggedIn(VIEWER, VIEWER_PASSWORD).page("/console"))
                .contains("Signed in as viewer (viewer)");
    }

    @Test
    void anUnknownNameIsRefusedAsAWrongPasswordIs() {
        Response refused = new ConsoleSession().login("nobody-" + System.nanoTime(), "not-the-password");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.header("Location")).endsWith("/console/login?error=true");
        assertThat(refused.getCookie("hub-console")).isNull();
    }

    @Test
    void aHashWrittenAs2bByAnotherBcryptLibraryLogsIn() throws Throwable {
        String name = "hash2b-" + System.nanoTime();
        String hash = "$2b$" + BcryptUtil.bcryptHash("a-long-enough-password").substring(4);
        assertThat(VertxContextSupport.subscribeAndAwait(() -> bootstrap.createIfAbsent(name, hash))).isTrue();
        assertThat(ConsoleSession.loggedIn(name, "a-long-enough-password").page("/console"))
                .contains("Signed in as " + name + " (operator)");
        assertThat(new ConsoleSession().login(name, "another-long-password").header("Location")).endsWith("error=true");
    }

    @Test
    void aSessionFollowsItsAccount() throws Throwable {
        String name = "session-" + System.nanoTime();
        String hash = BcryptUtil.bcryptHash("a-long-enough-password");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> bootstrap.createIfAbsent(name, hash))).isTrue();
        ConsoleSession session = ConsoleSession.loggedIn(name, "a-long-enough-password");
        assertThat(session.page("/console")).contains("Signed in as " + name + " (operator)");

        pool.preparedQuery("UPDATE operator_account SET role = 'viewer' WHERE username = $1").execute(Tuple.of(name))
                .await().indefinitely();
        assertThat(session.page("/console")).as("a role changed takes effect at the next request")
                .contains("Signed in as " + name + " (viewer)");

        pool.preparedQuery("DELETE FROM operator_account WHERE username = $1").execute(Tuple.of(name))
                .await().indefinitely();
        Response after = session.request().get("/console");
        assertThat(after.statusCode()).as("an account deleted ends its sessions").isEqualTo(302);
        assertThat(after.header("Location")).endsWith("/console/login");
    }

    @Test
    void theSessionCookieDoesNotOpenTheApi() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertThat(session.request().get("/api/v1/admin/stats").statusCode()).isEqualTo(401);
    }

    @Test
    void theConsolesCsrfCheckLeavesTheApiAlone() {
        // an empty form body, as curl -d '' sends, is no body; a form with content is 415, as a problem
        assertThat(given().header("X-API-Key", "ops-dev-key").contentType("application/x-www-form-urlencoded")
                .post("/api/v1/admin/jobs/recover_expired_leases/run").statusCode()).isEqualTo(200);
        Response form = given().header("X-API-Key", "ops-dev-key").formParam("a", "b")
                .post("/api/v1/admin/jobs/recover_expired_leases/run");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.contentType()).startsWith("application/problem+json");
        assertThat(given().header("X-API-Key", "ops-dev-key").get("/api/v1/admin/stats").headers().getValues("Set-Cookie"))
                .as("no console cookie on an API answer").isEmpty();
    }

    @Test
    void logoutNeedsTheCsrfTokenAndEndsTheSession() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        session.page("/console");
        assertThat(session.request().formParam("other", "x").post("/console/logout").statusCode()).as("a form without the token")
                .isEqualTo(400);
        assertThat(session.request().contentType("text/plain").body("hub-csrf=x").post("/console/logout").statusCode())
                .as("not a form, as another site could post").isEqualTo(415);
        assertThat(session.page("/console")).contains("Signed in as ops");

        Response out = session.form().post("/console/logout");
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/console/login");
        assertThat(session.request().get("/console").statusCode()).as("after logout").isEqualTo(302);
    }

    @Test
    void everyLoginIsInTheAuditLog() {
        long before = logins(OPS);
        ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertThat(Await.poll(Duration.ofSeconds(10), Duration.ofMillis(50), () -> logins(OPS), n -> n == before + 1).met())
                .as("a login entry for ops").isTrue();
    }

    @Test
    void failedLoginsAreAuditedAndAnAddressThatKeepsFailingWaitsEvenWithTheRightPassword() {
        String address = "198.51.100.23"; // as the ingress names the client; no other test uses it
        String tried = "intruder-" + System.nanoTime();
        ConsoleSession guesser = new ConsoleSession();
        int firstSentBack = 0;
        for (int attempt = 1; attempt <= 15 && firstSentBack == 0; attempt++) {
            Response answer = guesser.request().header("X-Forwarded-For", address)
                    .formParam("j_username", tried).formParam("j_password", "guess-" + attempt).post("/console/j_security_check");
            assertThat(answer.statusCode()).isEqualTo(302);
            if (answer.header("Location").contains("/console/login?wait=")) {
                firstSentBack = attempt;
            } else {
                assertThat(answer.header("Location")).endsWith("/console/login?error=true");
            }
        }
        assertThat(firstSentBack).as("sent back once the allowance of 10 is spent").isBetween(11, 13);
        int failed = firstSentBack - 1;
        assertThat(Await.poll(Duration.ofSeconds(10), Duration.ofMillis(50), () -> failedLogins(tried), n -> n == failed)
                .met()).as("each checked attempt audited, the refused ones not").isTrue();
        assertThat(pool.preparedQuery("SELECT DISTINCT actor || ' ' || (detail->>'address') FROM operator_action "
                        + "WHERE action = 'login.failed' AND target = $1")
                .execute(Tuple.of(tried)).await().indefinitely().iterator().next().getString(0))
                .as("by no one signed in, from the address").isEqualTo("anonymous " + address);

        Response right = new ConsoleSession().request().header("X-Forwarded-For", address)
                .formParam("j_username", OPS).formParam("j_password", OPS_PASSWORD).post("/console/j_security_check");
        assertThat(right.header("Location")).as("the right password from that address, while it waits")
                .contains("/console/login?wait=");
        assertThat(right.getCookie("hub-console")).isNull();
        ConsoleSession.loggedIn(OPS, OPS_PASSWORD); // another address is not held up
        assertThat(new ConsoleSession().page("/console/login?wait=42")).contains("Try again in 42 s.");
    }

    @Test
    void aFailedLoginsNameIsAuditedStorableAndShort() {
        String marker = "n" + System.nanoTime();
        String typed = marker + "\u0000" + "x".repeat(100);
        Response answer = new ConsoleSession().request().header("X-Forwarded-For", "198.51.100.24")
                .formParam("j_username", typed).formParam("j_password", "guess").post("/console/j_security_check");
        assertThat(answer.header("Location")).endsWith("/console/login?error=true");
        String kept = marker + "\\u0000" + "x".repeat(LoginGuard.MAX_NAME - marker.length() - 6) + "…";
        assertThat(Await.poll(Duration.ofSeconds(10), Duration.ofMillis(50), () -> failedLogins(kept), n -> n == 1)
                .met()).as("audited as " + kept).isTrue();
    }

    @Test
    void aNameThatKeepsFailingFromManyAddressesWaitsEvenWithTheRightPassword() {
        String name = "guarded-" + System.nanoTime();
        pool.preparedQuery("INSERT INTO operator_account (username, password_hash, role) VALUES ($1, $2, 'viewer')")
                .execute(Tuple.of(name, BcryptUtil.bcryptHash("the-right-password"))).await().indefinitely();
        int firstSentBack = 0;
        for (int attempt = 1; attempt <= 15 && firstSentBack == 0; attempt++) {
            Response answer = new ConsoleSession().request().header("X-Forwarded-For", "203.0.113." + attempt)
                    .formParam("j_username", name.toUpperCase()).formParam("j_password", "guess").post("/console/j_security_check");
            if (answer.header("Location").contains("/console/login?wait=")) {
                firstSentBack = attempt;
            }
        }
        assertThat(firstSentBack).as("the name sent back once its allowance of 10 is spent, whatever the address")
                .isBetween(11, 13);
        Response right = new ConsoleSession().request().header("X-Forwarded-For", "203.0.113.99")
                .formParam("j_username", name).formParam("j_password", "the-right-password").post("/console/j_security_check");
        assertThat(right.header("Location")).as("the right password, while the name waits").contains("/console/login?wait=");
        assertThat(right.getCookie("hub-console")).isNull();
    }

    @Test
    void theFirstOperatorIsCreatedOnceAndNeverOverwritten() throws Throwable {
        String name = "first-" + System.nanoTime();
        String first = BcryptUtil.bcryptHash("a-long-enough-password");
        String second = BcryptUtil.bcryptHash("another-long-password");
        assertThat(VertxContextSupport.subscribeAndAwait(() -> bootstrap.createIfAbsent(name, first))).isTrue();
        assertThat(VertxContextSupport.subscribeAndAwait(() -> bootstrap.createIfAbsent(name, second))).isFalse();
        String hash = pool.preparedQuery("SELECT password_hash, role FROM operator_account WHERE username = $1")
                .execute(Tuple.of(name)).await().indefinitely().iterator().next().getString("password_hash");
        assertThat(hash).startsWith("$2").doesNotContain("password");
        assertThat(ConsoleSession.loggedIn(name, "a-long-enough-password").page("/console"))
                .contains("Signed in as " + name + " (operator)");
        assertThat(new ConsoleSession().login(name, "another-long-password").header("Location")).endsWith("error=true");
    }

    @Test
    void replicasStartingTogetherCreateTheFirstOperatorOnceAndNoneFails() throws Exception {
        String name = "together-" + System.nanoTime();
        String hash = BcryptUtil.bcryptHash("a-long-enough-password");
        int replicas = 4;
        CyclicBarrier start = new CyclicBarrier(replicas);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> created = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                created.add(pool.submit(() -> {
                    start.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> bootstrap.createIfAbsent(name, hash));
                    } catch (Throwable failed) {
                        throw new IllegalStateException("a replica failed to start", failed);
                    }
                }));
            }
            int inserted = 0;
            for (Future<Boolean> f : created) {
                inserted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(inserted).as("exactly one replica inserts; the others find it, none fails").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long logins(String user) {
        return count("login", user);
    }

    private long failedLogins(String name) {
        return pool.preparedQuery("SELECT count(*) FROM operator_action WHERE action = 'login.failed' AND target = $1")
                .execute(Tuple.of(name)).await().indefinitely().iterator().next().getLong(0);
    }

    private long count(String action, String actor) {
        return pool.preparedQuery("SELECT count(*) FROM operator_action WHERE action = $1 AND actor = $2")
                .execute(Tuple.of(action, actor)).await().indefinitely().iterator().next().getLong(0);
    }
}
