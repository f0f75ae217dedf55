package org.integrationhub.common.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.integrationhub.common.problem.Problem;
import org.integrationhub.common.problem.ProblemType;


/**
 * Refuses a body announced larger than {@code quarkus.http.limits.max-body-size} with a 413 problem before a
 * byte of it is read. (A chunked body without Content-Length still meets the HTTP layer's own limit.)
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced <= max) {
                ctx.next();
                return;
            }
            String correlationId = Correlation.newId();
            ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
            JsonObject problem = new JsonObject()
                    .put("type", type.uri())
                    .put("title", type.title())
                    .put("status", type.status())
                    .put("detail", "The request body (" + announced + " bytes) is larger than the " + max
                            + " bytes this service accepts; send fewer records per request")
                    .put("instance", ctx.request().path())
                    .put("correlationId", correlationId)
                    .put("errors", new JsonArray());
            ctx.response()
                    .setStatusCode(type.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(Correlation.HEADER, correlationId)
                    .putHeader("Connection", "close")
                    .end(problem.encode());
        });
    }
}
