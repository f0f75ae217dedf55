package org.integrationhub.processor.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.processor.console.ConsoleSession.OPS;
import static org.integrationhub.processor.console.ConsoleSession.OPS_PASSWORD;

/** The console speaks the browser's language (Chinese or English) until the operator picks one, which sticks. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ConsoleLanguageTest {

    @Test
    void aChineseBrowserGetsChinesePages() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        String page = session.request().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8").get("/console").asString();
        assertThat(page).contains("<html lang=\"zh-CN\">", "概览", "待处理", "失败", "当前用户 ops（运维）")
                .doesNotContain(">Overview<");
    }

    @Test
    void anEnglishOrUnknownLanguageGetsEnglish() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        assertThat(session.request().header("Accept-Language", "fr-FR,de;q=0.5").get("/console").asString())
                .contains("<html lang=\"en\">", ">Overview<", "Failed");
        assertThat(session.request().header("Accept-Language", "en-GB,zh;q=0.5").get("/console").asString())
                .contains(">Overview<");
    }

    @Test
    void theSwitcherOverridesTheBrowserAndReturnsToThePage() {
        ConsoleSession session = ConsoleSession.loggedIn(OPS, OPS_PASSWORD);
        Response switched = session.request().queryParam("back", "/console/records?status=FAILED")
                .get("/console/lang/zh");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.header("Location")).endsWith("/console/records?status=FAILED");
        assertThat(switched.headers().getValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("hub-lang=zh;").containsIgnoringCase("SameSite=Strict"));
        assertThat(session.request().header("Accept-Language", "en").get("/console").asString()).contains("概览");

        session.request().get("/console/lang/en?back=/console");
        assertThat(session.request().header("Accept-Language", "zh-CN").get("/console").asString()).contains(">Overview<");
    }

    @Test
    void theSwitcherNeverSendsTheBrowserElsewhere() {
        ConsoleSession session = new ConsoleSession();
        for (String back : new String[] {"https://evil.example/", "//evil.example/console", "/api/v1/admin/stats",
                "/consolex", "/console/a b", "/console/\r\nSet-Cookie: x=y"}) {
            assertThat(session.request().queryParam("back", back).get("/console/lang/zh").header("Location"))
                    .as(back).endsWith("/console");
        }
    }
}
