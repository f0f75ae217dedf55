package org.integrationhub.common.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.validation.StorableText;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Refuses path and query parameters that the database could not take (a NUL, a lone surrogate), or whose
 * %-escapes do not spell UTF-8 (decoded, they would silently become U+FFFD), as a 400 {@code invalid_value} naming
 * the parameter, on every REST call of both services, before any resource or query sees them. Runs before
 * authentication: it costs no database round trip.
 */
public class StorableParameters {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void check(ContainerRequestContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        encodedUtf8(ctx, errors);
        if (errors.isEmpty()) {
            collect(ctx.getUriInfo().getPathParameters(true), errors);
            collect(ctx.getUriInfo().getQueryParameters(true), errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors.get(0).message(), errors);
        }
    }

    /**
     * The path and query as sent, whose %-escapes must spell UTF-8: decoded, a malformed sequence ({@code %FF}, or
     * a surrogate's {@code %ED%A0%80}) would become U+FFFD silently, and could then match a stored text that has
     * one. The error names the query parameter, or the path parameter whose decoded value holds the U+FFFD.
     */
    private static void encodedUtf8(ContainerRequestContext ctx, List<FieldError> errors) {
        String query = ctx.getUriInfo().getRequestUri().getRawQuery();
        if (query != null && !escapesAreUtf8(query)) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!escapesAreUtf8(pair)) {
                    String field = StorableText.escape(escapesAreUtf8(name)
                            ? URLDecoder.decode(name, StandardCharsets.UTF_8) : "query");
                    errors.add(new FieldError(field, ErrorCode.INVALID_VALUE, field + " has %-escapes that are not UTF-8"));
                    return;
                }
            }
        }
        if (!escapesAreUtf8(ctx.getUriInfo().getRequestUri().getRawPath())) {
            String field = ctx.getUriInfo().getPathParameters(true).entrySet().stream()
                    .filter(p -> p.getValue().stream().anyMatch(v -> v.indexOf('\uFFFD') >= 0))
                    .map(Map.Entry::getKey).findFirst().orElse("path");
            errors.add(new FieldError(field, ErrorCode.INVALID_VALUE, field + " has %-escapes that are not UTF-8"));
        }
    }

    static boolean escapesAreUtf8(String encoded) {
        if (encoded.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        int text = 0;
        for (int i = 0; i + 2 < encoded.length(); i++) {
            if (encoded.charAt(i) == '%' && HexFormat.isHexDigit(encoded.charAt(i + 1))
                    && HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                bytes.writeBytes(encoded.substring(text, i).getBytes(StandardCharsets.UTF_8));
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
                text = i + 1;
            }
        }
        bytes.writeBytes(encoded.substring(text).getBytes(StandardCharsets.UTF_8));
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void collect(MultivaluedMap<String, String> parameters, List<FieldError> errors) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!StorableText.storable(name)) {
                errors.add(new FieldError(StorableText.escape(name), ErrorCode.INVALID_VALUE,
                        "The parameter name " + StorableText.fault(name)));
                continue;
            }
            for (String value : parameter.getValue()) {
                String fault = StorableText.fault(value);
                if (fault != null) {
                    errors.add(new FieldError(name, ErrorCode.INVALID_VALUE, name + " " + fault));
                    break;
                }
            }
        }
    }
}
