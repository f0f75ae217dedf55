package org.integrationhub.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON objects for request bodies, written as key-value pairs in order. */
public final class Json {

    private Json() {
    }

    /** {@code object("code", "D-1", "name", "Ward")}: a map that keeps the pairs' order. */
    public static Map<String, Object> object(Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            d.put((String) pairs[i], pairs[i + 1]);
        }
        return d;
    }
}
