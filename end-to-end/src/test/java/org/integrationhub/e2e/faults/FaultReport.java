package org.integrationhub.e2e.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's figures and findings, per scenario, printed to stdout and written to a file. */
final class FaultReport {

    /** One scenario's figures (in the order they were recorded), violations and observations. */
    static final class Section {
        final String title;
        final Map<String, String> figures = new LinkedHashMap<>();
        final List<String> violations = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Section(String title) {
            this.title = title;
        }

        Section figure(String name, Object value) {
            figures.put(name, String.valueOf(value));
            return this;
        }

        Section violation(String what) {
            violations.add(what);
            return this;
        }

        Section note(String what) {
            notes.add(what);
            return this;
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final Instant started = Instant.now();

    synchronized Section section(String title) {
        Section s = new Section(title);
        sections.add(s);
        return s;
    }

    synchronized void summary(String name, Object value) {
        summary.put(name, String.valueOf(value));
    }

    static String seconds(Duration d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder();
        out.append("==== Fault suite: both packaged services on one PostgreSQL (started ").append(started)
                .append(", ").append(seconds(Duration.between(started, Instant.now()))).append(") ====\n");
        for (Section s : sections) {
            out.append("\n-- ").append(s.title).append(s.violations.isEmpty() ? "  [ok]" : "  [FAILED]").append('\n');
            s.figures.forEach((k, v) -> out.append(String.format(Locale.ROOT, "   %-44s %s%n", k, v)));
            s.notes.forEach(n -> out.append("   note: ").append(n.replace("\n", "\n   ")).append('\n'));
            s.violations.forEach(v -> out.append("   FAIL: ").append(v.replace("\n", "\n   ")).append('\n'));
        }
        if (!summary.isEmpty()) {
            out.append("\n-- Figures\n");
            summary.forEach((k, v) -> out.append(String.format(Locale.ROOT, "   %-44s %s%n", k, v)));
        }
        return out.toString();
    }

    void write(Path file) {
        String text = render();
        System.out.println(text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
