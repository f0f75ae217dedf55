package org.integrationhub.intake.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner API's OpenAPI description: what Swagger UI shows partner developers. */
@OpenAPIDefinition(
        info = @Info(title = "Integration Hub intake API", version = "1",
                description = "Partner systems (a hospital HIS, an ERP) push master-data records here. Every call needs "
                        + "an X-API-Key. A record is validated and stored whole with a receipt, or rejected with an "
                        + "RFC 9457 problem (application/problem+json) naming each faulty field and storing nothing. "
                        + "Follow a receipt until its status is PROCESSED, FAILED or SKIPPED."),
        tags = {@Tag(name = "Records"), @Tag(name = "Receipts")},
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "apiKey",
                type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER, apiKeyName = "X-API-Key",
                description = "Your partner key. In the local run: his-dev-key (HIS, all interfaces) or "
                        + "erp-dev-key (ERP, partners only).")))
public class IntakeApi extends Application {
}
