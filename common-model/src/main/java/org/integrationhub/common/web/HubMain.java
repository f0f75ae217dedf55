package org.integrationhub.common.web;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The entry point of both services: Quarkus' own, after one switch. Quarkus refuses a request target that
 * {@link java.net.URI} rejects (a malformed escape such as {@code %ZZ}) with an empty 400 before any route runs,
 * unless the system property {@value #NO_URI_VALIDATION} is true. With it set, such a request reaches
 * {@link RequestHead}, which makes the same check and answers with a problem. Quarkus reads the property once, as
 * its HTTP layer is set up, so it is set here before {@link Quarkus#run}; the tests set it in Surefire's
 * configuration.
 */
@QuarkusMain
public final class HubMain {

    static final String NO_URI_VALIDATION = "vertx.disableURIValidation";

    private HubMain() {
    }

    public static void main(String... args) {
        System.setProperty(NO_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
