package org.integrationhub.processor.console;

import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.validation.StorableText;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records page's filter, as it stands in the query string so that a link can be shared. Every part is
 * optional; a value the console does not know is dropped and named in {@link #problems()}, never guessed at.
 *
 * @param interfaceName one interface of the registry
 * @param status        one of the staging statuses
 * @param sourceSystem  the partner system that sent the rows
 * @param errorClass    the class of a failure
 * @param from          received at or after this instant
 * @param to            received before this instant
 * @param q             a receipt id, an external id or a business code
 * @param problems      what was dropped, and why
 */
public record RecordFilter(String interfaceName, String status, String sourceSystem, String errorClass, Instant from,
                           Instant to, String q, List<String> problems) {

    /** The longest search or source system the page accepts. */
    static final int MAX_TEXT = 200;

    public static RecordFilter parse(Map<String, String> query) {
        List<String> problems = new ArrayList<>();
        String interfaceName = known("interface", query.get("interface"), problems,
                InterfaceRegistry.find(blankToNull(query.get("interface"))).isPresent());
        String status = known("status", query.get("status"), problems, isEnum(RecordStatus.class, query.get("status")));
        String errorClass = known("errorClass", query.get("errorClass"), problems,
                isEnum(ErrorClass.class, query.get("errorClass")));
        String sourceSystem = text("sourceSystem", query.get("sourceSystem"), problems);
        String q = text("q", query.get("q"), problems);
        return new RecordFilter(interfaceName, status, sourceSystem, errorClass, instant("from", query.get("from"), problems),
                instant("to", query.get("to"), problems), q, List.copyOf(problems));
    }

    /** The search as a receipt id, when it is one. */
    public UUID receiptId() {
        if (q == null) {
            return null;
        }
        try {
            return q.length() == 36 ? UUID.fromString(q) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The filter as query parameters, for links (the next page, the bulk retry); empty parts left out. */
    public String query() {
        StringBuilder out = new StringBuilder();
        parts().forEach((name, value) -> out.append(out.length() == 0 ? "" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    public Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        put(parts, "interface", interfaceName);
        put(parts, "status", status);
        put(parts, "sourceSystem", sourceSystem);
        put(parts, "errorClass", errorClass);
        put(parts, "from", from == null ? null : from.toString());
        put(parts, "to", to == null ? null : to.toString());
        put(parts, "q", q);
        return parts;
    }

    /** For the form's datetime-local inputs: the instant in UTC, to the minute. */
    public String fromInput() {
        return input(from);
    }

    public String toInput() {
        return input(to);
    }

    private static String input(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static void put(Map<String, String> parts, String name, String value) {
        if (value != null) {
            parts.put(name, value);
        }
    }

    private static String known(String name, String value, List<String> problems, boolean known) {
        String v = blankToNull(value);
        if (v != null && !known) {
            problems.add(name + ": " + shorten(v));
            return null;
        }
        return v;
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String value) {
        String v = blankToNull(value);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return true;
            }
        }
        return false;
    }

    private static String text(String name, String value, List<String> problems) {
        String v = blankToNull(value);
        if (v != null && usable(v) == null) {
            problems.add(name + ": " + shorten(v));
            return null;
        }
        return v;
    }

    /**
     * A free-text filter of a console page (a search, a source system, an actor), stripped; null when blank,
     * longer than {@link #MAX_TEXT}, or holding what no stored value can (a control character, a NUL, a lone
     * surrogate: a surrogate pair, such as a CJK Extension B character, is a character like any other).
     */
    static String usable(String value) {
        String v = blankToNull(value);
        return v == null || v.length() > MAX_TEXT || v.chars().anyMatch(c -> c < 0x20) || !StorableText.storable(v)
                ? null : v;
    }

    /** An ISO instant, or a datetime-local value of the form (read as UTC). */
    private static Instant instant(String name, String value, List<String> problems) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(v).toInstant()
                    : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            problems.add(name + ": " + shorten(v));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "…";
    }
}
