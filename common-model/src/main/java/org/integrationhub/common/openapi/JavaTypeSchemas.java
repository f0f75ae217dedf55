package org.integrationhub.common.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes the Java types the scanner turns into named schemas ({@code OffsetDateTime}, {@code UUID},
 * {@code LocalDate}) as the plain JSON strings they are, with their format and an example of this product's,
 * wherever they are used: a partner's generated client then gets its own date and uuid types, not classes named
 * after our Java types, and no example dates from the scanner's library. A {@code $ref} loses any {@code type}
 * written beside it, which generators would clear with a warning.
 */
public final class JavaTypeSchemas {

    /** A Java type's schema name, the string format it stands for, and an example. */
    private enum Plain {
        OFFSET_DATE_TIME("OffsetDateTime", "date-time", "2026-11-26T08:00:00+08:00"),
        INSTANT("Instant", "date-time", "2026-11-26T00:00:00Z"),
        LOCAL_DATE("LocalDate", "date", "2026-11-26"),
        UUID("UUID", "uuid", "0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d");

        final String schemaName;
        final String format;
        final String example;

        Plain(String schemaName, String format, String example) {
            this.schemaName = schemaName;
            this.format = format;
            this.example = example;
        }

        static Plain referencedBy(String ref) {
            if (ref == null) {
                return null;
            }
            for (Plain p : values()) {
                if (ref.equals("#/components/schemas/" + p.schemaName)) {
                    return p;
                }
            }
            return null;
        }
    }

    private JavaTypeSchemas() {
    }

    /** Replaces every reference to one of those named schemas by the plain string schema, and drops the names. */
    public static void inline(OpenAPI openAPI) {
        if (openAPI.getComponents() != null) {
            if (openAPI.getComponents().getSchemas() != null) {
                openAPI.getComponents().getSchemas().values().forEach(JavaTypeSchemas::visit);
                for (Plain p : Plain.values()) {
                    openAPI.getComponents().removeSchema(p.schemaName);
                }
            }
            values(openAPI.getComponents().getParameters()).forEach(p -> visit(p.getSchema()));
            values(openAPI.getComponents().getHeaders()).forEach(JavaTypeSchemas::visit);
            values(openAPI.getComponents().getResponses()).forEach(JavaTypeSchemas::visit);
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : values(openAPI.getPaths().getPathItems()).toList()) {
            list(path.getParameters()).forEach(p -> visit(p.getSchema()));
            for (Operation operation : values(path.getOperations()).toList()) {
                list(operation.getParameters()).forEach(p -> visit(p.getSchema()));
                if (operation.getRequestBody() != null) {
                    visit(operation.getRequestBody().getContent());
                }
                if (operation.getResponses() != null) {
                    values(operation.getResponses().getAPIResponses()).forEach(JavaTypeSchemas::visit);
                }
            }
        }
    }

    private static void visit(APIResponse response) {
        visit(response.getContent());
        values(response.getHeaders()).forEach(JavaTypeSchemas::visit);
    }

    private static void visit(Header header) {
        visit(header.getSchema());
    }

    private static void visit(Content content) {
        if (content != null) {
            values(content.getMediaTypes()).map(MediaType::getSchema).forEach(JavaTypeSchemas::visit);
        }
    }

    private static void visit(Schema schema) {
        if (schema == null) {
            return;
        }
        Plain plain = Plain.referencedBy(schema.getRef());
        if (plain != null) {
            schema.setRef(null);
            schema.setType(List.of(Schema.SchemaType.STRING));
            schema.setFormat(plain.format);
            schema.setPattern(null);
            if (schema.getExamples() == null || schema.getExamples().isEmpty()) {
                schema.setExamples(List.of(plain.example));
            }
        }
        if (schema.getRef() != null && schema.getType() != null) {
            // a $ref with a type beside it (an annotated enum field): generators clear the type and warn
            schema.setType(null);
        }
        values(schema.getProperties()).forEach(JavaTypeSchemas::visit);
        Stream.of(schema.getItems(), schema.getNot(), schema.getAdditionalPropertiesSchema())
                .forEach(JavaTypeSchemas::visit);
        Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf(), schema.getPrefixItems())
                .flatMap(JavaTypeSchemas::list).forEach(JavaTypeSchemas::visit);
    }

    private static <T> Stream<T> values(Map<?, T> map) {
        return map == null ? Stream.empty() : map.values().stream().filter(Objects::nonNull);
    }

    private static <T> Stream<T> list(List<T> list) {
        return list == null ? Stream.empty() : list.stream().filter(Objects::nonNull);
    }
}
