package org.integrationhub.common.web;

import io.vertx.ext.web.RoutingContext;
import org.integrationhub.common.problem.Problem;

/**
 * Another form for the problems {@link HttpProblems} answers, for paths that a person reads in a browser: the
 * processor's console answers its own error page, in the operator's language, where the API answers
 * {@code application/problem+json}. The status, headers and correlation id stay the problem's. Optional: without
 * a bean of this type every problem is answered as JSON.
 */
public interface ProblemPages {

    /**
     * The HTML page for {@code problem}, or null to answer it as JSON; the page's own headers (such as its
     * Content-Security-Policy) may be set on {@code ctx.response()}. Called on the event loop: render, do not wait.
     */
    String page(RoutingContext ctx, Problem problem);
}
