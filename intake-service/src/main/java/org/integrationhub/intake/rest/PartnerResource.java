package org.integrationhub.intake.rest;

import jakarta.inject.Inject;
import org.integrationhub.common.security.Caller;
import org.integrationhub.common.security.CallerContext;

/**
 * What every resource of the partner API shares: it acts for the caller the request's API key names. (Each
 * resource still declares {@code @SecurityRequirement(name = "apiKey")} itself: the OpenAPI scanner reads it
 * from the resource class, not from a superclass.)
 */
abstract class PartnerResource {

    @Inject
    CallerContext callerContext;

    /** The caller the request's API key names, as ApiKeyFilter authenticated it. */
    Caller caller() {
        return callerContext.get();
    }
}
