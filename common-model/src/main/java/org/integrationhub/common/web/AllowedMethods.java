package org.integrationhub.common.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which HTTP methods the service's REST resources serve at a path, for a 405 answer's {@code Allow} header. Quarkus
 * REST answers a wrong method with a 405 without {@code Allow}, or even with a 404 when the path's resource class
 * has another method at another sub-path; the services answer 405 with {@code Allow} whenever a resource serves
 * the path. Built once from the resource classes' {@code @Path} templates.
 */
@ApplicationScoped
public class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    @Inject
    BeanManager beans;

    private volatile List<Route> routes;

    /**
     * The methods served at {@code rawPath} (HEAD beside GET, and OPTIONS, which Quarkus REST answers itself),
     * in alphabetical order; empty when no resource serves the path at all.
     */
    public Set<String> at(String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(path).matches()) {
                methods.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        if (!methods.isEmpty()) {
            methods.add(HttpMethod.OPTIONS);
        }
        return methods;
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : bean.getBeanClass().getMethods()) {
                    String http = httpMethod(method);
                    if (http != null) {
                        Path sub = method.getAnnotation(Path.class);
                        known.add(new Route(pattern(join(root.value(), sub == null ? "" : sub.value())), http));
                    }
                }
            }
            routes = known = List.copyOf(known);
        }
        return known;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = "/" + trim(root) + (trim(sub).isEmpty() ? "" : "/" + trim(sub));
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String trim(String segment) {
        int from = 0;
        int to = segment.length();
        while (from < to && segment.charAt(from) == '/') {
            from++;
        }
        while (to > from && segment.charAt(to - 1) == '/') {
            to--;
        }
        return segment.substring(from, to);
    }

    /** A Jakarta REST path template as a regular expression: {@code {name}} is one segment, {@code {name: re}} is re. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.charAt(i) == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < template.length() && depth > 0) {
                    char c = template.charAt(j++);
                    depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                }
                String parameter = template.substring(i + 1, j - 1);
                int colon = parameter.indexOf(':');
                regex.append('(').append(colon < 0 ? "[^/]+" : parameter.substring(colon + 1).trim()).append(')');
                i = j;
            } else {
                int next = template.indexOf('{', i);
                next = next < 0 ? template.length() : next;
                regex.append(Pattern.quote(template.substring(i, next)));
                i = next;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
