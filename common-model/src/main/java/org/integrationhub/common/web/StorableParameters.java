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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses path and query parameters that the database could not take (a NUL, a lone surrogate) as a 400
 * {@code invalid_value} naming the parameter, on every REST call of both services, before any resource or
 * query sees them. Runs before authentication: it costs no database round trip.
 */
public class StorableParameters {

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100)
    public void check(ContainerRequestContext ctx) {
        List<FieldError> errors = new ArrayList<>();
        collect(ctx.getUriInfo().getPathParameters(true), errors);
        collect(ctx.getUriInfo().getQueryParameters(true), errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, errors.get(0).message(), errors);
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
