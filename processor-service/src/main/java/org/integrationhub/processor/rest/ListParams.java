package org.integrationhub.processor.rest;

import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.processor.business.ListQuery;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The query parameters every business list takes, checked: {@code active}, {@code updatedSince},
 * {@code page} (from 0) and {@code size} (1 to {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}).
 * A bad value is a 400 problem naming the parameter.
 */
public final class ListParams {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    private final List<FieldError> errors = new ArrayList<>();

    /** Checks the common parameters; call {@link #query} once the list's own are checked too. */
    public static ListParams check() {
        return new ListParams();
    }

    public ListQuery query(String active, String updatedSince, String page, String size) {
        Boolean activeFlag = bool("active", active);
        OffsetDateTime since = null;
        if (updatedSince != null) {
            try {
                since = OffsetDateTime.parse(updatedSince);
                String fault = org.integrationhub.common.validation.InstantRange.STORABLE.rangeFault(since);
                if (fault != null) {
                    errors.add(new FieldError("updatedSince", ErrorCode.INVALID_VALUE, "updatedSince " + fault));
                    since = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("updatedSince", ErrorCode.INVALID_FORMAT,
                        "updatedSince must be an ISO 8601 date-time with offset, such as 2026-11-26T08:00:00Z"));
            }
        }
        int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Invalid query parameters", errors);
        }
        return new ListQuery(activeFlag, since, pageNumber, pageSize);
    }

    /** A true/false parameter, false when absent; anything else is a 400 problem naming it. */
    public static boolean flag(String name, String value) {
        ListParams params = new ListParams();
        Boolean flag = params.bool(name, value);
        if (!params.errors.isEmpty()) {
            throw new ProblemException(ProblemType.MALFORMED_REQUEST, "Invalid query parameters", params.errors);
        }
        return Boolean.TRUE.equals(flag);
    }

    /** A parameter that must be one of {@code allowed} when given. */
    public String oneOf(String name, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            errors.add(new FieldError(name, ErrorCode.INVALID_VALUE, name + " must be one of " + allowed));
        }
        return value;
    }

    private Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            errors.add(new FieldError(name, ErrorCode.INVALID_VALUE, name + " must be true or false"));
            return null;
        }
        return Boolean.valueOf(value);
    }

    private int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, ErrorCode.INVALID_VALUE, name + " must be a whole number from " + min
                + " to " + max));
        return fallback;
    }
}
