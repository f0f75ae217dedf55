package org.integrationhub.common.problem;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Names the path, query, header or cookie parameter whose text Quarkus REST could not convert to the resource
 * method's type. Jakarta REST answers such a fault with a bare 404 (path, query) or 400 (header, cookie) that
 * wraps the converter's exception and says nothing of the parameter; this converts the matched method's
 * parameters again, by the Jakarta REST rules ({@code valueOf}, {@code fromString}, a String constructor, and
 * {@code parse} for java.time), to find the one that fails, so the answer can be a 400 naming it.
 */
final class ParameterFaults {

    private enum Source { PATH, QUERY, HEADER, COOKIE }

    private ParameterFaults() {
    }

    /** Whether {@code e} is the framework's report of a parameter it could not convert. */
    static boolean isConversionFailure(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return (status == 400 || status == 404) && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException);
    }

    /** One {@code invalid_format} error per parameter of the matched method whose value does not convert. */
    static List<FieldError> find(SimpleResourceInfo resource, ContainerRequestContext ctx) {
        Method method = method(resource);
        if (method == null) {
            return List.of();
        }
        return Arrays.stream(method.getParameters())
                .map(parameter -> fault(parameter, ctx))
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<FieldError> fault(Parameter parameter, ContainerRequestContext ctx) {
        Source source = source(parameter);
        String name = name(parameter);
        Class<?> type = elementType(parameter);
        if (source == null || name == null || type == String.class || type == Object.class) {
            return Optional.empty();
        }
        for (String value : values(source, name, ctx)) {
            if (!converts(type, value)) {
                return Optional.of(new FieldError(name, ErrorCode.INVALID_FORMAT, name + " must be " + expected(type)));
            }
        }
        return Optional.empty();
    }

    private static Source source(Parameter p) {
        if (p.isAnnotationPresent(PathParam.class) || p.isAnnotationPresent(RestPath.class)) {
            return Source.PATH;
        }
        if (p.isAnnotationPresent(QueryParam.class) || p.isAnnotationPresent(RestQuery.class)) {
            return Source.QUERY;
        }
        if (p.isAnnotationPresent(HeaderParam.class) || p.isAnnotationPresent(RestHeader.class)) {
            return Source.HEADER;
        }
        if (p.isAnnotationPresent(CookieParam.class) || p.isAnnotationPresent(RestCookie.class)) {
            return Source.COOKIE;
        }
        return null;
    }

    private static String name(Parameter p) {
        String declared = p.isAnnotationPresent(PathParam.class) ? p.getAnnotation(PathParam.class).value()
                : p.isAnnotationPresent(QueryParam.class) ? p.getAnnotation(QueryParam.class).value()
                : p.isAnnotationPresent(HeaderParam.class) ? p.getAnnotation(HeaderParam.class).value()
                : p.isAnnotationPresent(CookieParam.class) ? p.getAnnotation(CookieParam.class).value()
                : p.isAnnotationPresent(RestPath.class) ? p.getAnnotation(RestPath.class).value()
                : p.isAnnotationPresent(RestQuery.class) ? p.getAnnotation(RestQuery.class).value()
                : p.isAnnotationPresent(RestHeader.class) ? p.getAnnotation(RestHeader.class).value()
                : p.isAnnotationPresent(RestCookie.class) ? p.getAnnotation(RestCookie.class).value()
                : null;
        // the Rest* annotations default to the Java parameter's name (the build keeps names: -parameters)
        return declared == null || !declared.isEmpty() ? declared : p.isNamePresent() ? p.getName() : null;
    }

    private static List<String> values(Source source, String name, ContainerRequestContext ctx) {
        List<String> values = switch (source) {
            case PATH -> ctx.getUriInfo().getPathParameters().get(name);
            case QUERY -> ctx.getUriInfo().getQueryParameters().get(name);
            case HEADER -> ctx.getHeaders().get(name);
            case COOKIE -> Optional.ofNullable(ctx.getCookies().get(name)).map(Cookie::getValue).map(List::of)
                    .orElse(null);
        };
        return values == null ? List.of() : values;
    }

    /** The type one value converts to: the element of a List, Set or Optional, else the parameter's own. */
    private static Class<?> elementType(Parameter p) {
        Class<?> type = p.getType();
        if ((Collection.class.isAssignableFrom(type) || type == Optional.class)
                && p.getParameterizedType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            return element instanceof Class<?> c ? c : Object.class;
        }
        return type.isPrimitive() ? boxed(type) : type;
    }

    private static boolean converts(Class<?> type, String value) {
        if (type == Character.class) {
            return value.length() == 1;
        }
        try {
            for (String factory : new String[] {"fromString", "valueOf"}) {
                Method m = staticMethod(type, factory, String.class);
                if (m != null) {
                    m.invoke(null, value);
                    return true;
                }
            }
            Method parse = staticMethod(type, "parse", CharSequence.class);
            if (parse != null) {
                parse.invoke(null, value);
                return true;
            }
            Constructor<?> constructor = type.getConstructor(String.class);
            constructor.newInstance(value);
            return true;
        } catch (NoSuchMethodException e) {
            return true; // a type converted some other way (a ParamConverter): not ours to judge
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Method staticMethod(Class<?> type, String name, Class<?> argument) {
        try {
            Method m = type.getMethod(name, argument);
            return Modifier.isStatic(m.getModifiers()) ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == Double.class || type == Float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class) {
            return "true or false";
        }
        if (type == UUID.class) {
            return "a UUID such as 0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.getPackageName().equals("java.time")) {
            return "an ISO 8601 " + type.getSimpleName();
        }
        return "a valid " + type.getSimpleName();
    }

    private static Class<?> boxed(Class<?> primitive) {
        return switch (primitive.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "char" -> Character.class;
            default -> primitive;
        };
    }

    private static Method method(SimpleResourceInfo resource) {
        if (resource == null || resource.getResourceClass() == null || resource.getMethodName() == null) {
            return null;
        }
        for (Class<?> c = resource.getResourceClass(); c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredMethod(resource.getMethodName(), resource.parameterTypes());
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }
}
