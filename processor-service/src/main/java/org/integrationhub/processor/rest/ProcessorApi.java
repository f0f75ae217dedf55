package org.integrationhub.processor.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The operator API's OpenAPI description. */
@OpenAPIDefinition(
        info = @Info(title = "Integration Hub processor API", version = "1",
                description = "Internal, for operators: the business records the processor applied (with their "
                        + "lineage), the staging rows and their retry, and the schedule table. Every call needs "
                        + "an operator X-API-Key. Errors are RFC 9457 problems (application/problem+json)."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "apiKey",
                type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
                description = "An operator key. In the local run: ops-dev-key.")))
public class ProcessorApi extends Application {
}
