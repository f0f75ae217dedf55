package org.integrationhub.e2e.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a service logged during a planned fault that an operator would take for an incident: ERROR lines
 * and stack traces. The services log {@code yyyy-MM-dd HH:mm:ss.SSS LEVEL [category] (thread) message}.
 */
record LogScan(String process, List<String> errorLines, int stackTraces, List<String> warnSamples, int warnLines) {

    private static final Pattern ERROR = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} [\\d:.]+ ERROR ");
    private static final Pattern WARN = Pattern.compile("^\\d{4}-\\d{2}-\\d{2} [\\d:.]+ WARN ");
    private static final Pattern FRAME = Pattern.compile("^\\s+at [\\w$.<>/]+\\(.*\\)$");

    static LogScan of(String process, List<String> lines) {
        List<String> errors = new ArrayList<>();
        List<String> warns = new ArrayList<>();
        int warnLines = 0;
        int traces = 0;
        boolean inTrace = false;
        for (String line : lines) {
            if (ERROR.matcher(line).find()) {
                errors.add(line);
            } else if (WARN.matcher(line).find()) {
                warnLines++;
                if (warns.size() < 3) {
                    warns.add(line);
                }
            }
            boolean frame = FRAME.matcher(line).matches();
            if (frame && !inTrace) {
                traces++;
            }
            inTrace = frame || (inTrace && (line.startsWith("Caused by: ") || line.matches("^\\s+\\.\\.\\. \\d+ more$")));
        }
        return new LogScan(process, errors, traces, warns, warnLines);
    }

    boolean clean() {
        return errorLines.isEmpty() && stackTraces == 0;
    }

    String summary() {
        StringBuilder s = new StringBuilder(process + ": " + errorLines.size() + " ERROR lines, " + stackTraces
                + " stack traces, " + warnLines + " WARN lines");
        errorLines.stream().limit(3).forEach(l -> s.append("\n      ERROR> ").append(shorten(l)));
        warnSamples.forEach(l -> s.append("\n      WARN>  ").append(shorten(l)));
        return s.toString();
    }

    private static String shorten(String line) {
        return line.length() > 240 ? line.substring(0, 240) + "..." : line;
    }
}
