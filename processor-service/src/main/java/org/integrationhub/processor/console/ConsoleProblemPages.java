package org.integrationhub.processor.console;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.web.ProblemPages;

/**
 * The console's error page for what the HTTP layer answers before Quarkus REST, where {@link ConsoleErrors} cannot
 * reach: above all a 503 while the database is down, met by the form login and by a signed-in session whose
 * account cannot be read. The frame is the signed-out one: who is signed in is what could not be read.
 */
@ApplicationScoped
public class ConsoleProblemPages implements ProblemPages {

    @Override
    public String page(RoutingContext ctx, Problem problem) {
        if (!ConsoleResource.serves(ctx.request().path())) {
            return null;
        }
        HttpHeadersFilter.page(ctx.response().headers());
        Chrome chrome = new Chrome(null, null, ConsoleLocale.of(ctx), Chrome.ERROR_PAGE, ctx.request().uri());
        return ConsoleErrors.render(chrome, problem.status(), problem, problem.correlationId());
    }
}
