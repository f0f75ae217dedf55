package org.integrationhub.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.integrationhub.devsupport.Await;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard (deploy/monitoring/grafana/integration-hub.json) and the alert rules
 * (deploy/monitoring/prometheus/alerts.yml) name only metrics, and label values, that the packaged services
 * really expose at /q/metrics: both services run from their jars on one database, get one accepted and one
 * refused record per interface and a row that fails at apply, and their scrapes must then hold every metric
 * an expression selects, with a sample matching each of its fixed label matchers.
 */
class MonitoringIT {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-26T08:00:00+08:00");
    /** Labels that Prometheus adds to a target's series (or that the expressions fill from a variable). */
    static final Set<String> TARGET_LABELS = Set.of("job", "instance", "namespace", "pod", "service");
    /** Series Prometheus makes itself rather than scrapes. */
    static final Set<String> SYNTHETIC = Set.of("up");

    static RunningHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = RunningHub.start();
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    static RequestSpecification partner(String key) {
        return given().baseUri(hub.intakeUrl).header("X-API-Key", key).contentType(ContentType.JSON);
    }

    static Map<String, Object> envelope(String source, String externalId, String operation, Map<String, Object> data) {
        return Json.object("sourceSystem", source, "externalId", externalId, "operation", operation,
                "sentAt", T0.toString(), "data", data);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    static String post(String key, String interfaceName, Map<String, Object> envelope, int status) {
        return partner(key).body(envelope).post("/api/v1/interfaces/" + interfaceName + "/records")
                .then().statusCode(status).extract().path("receiptId");
    }

    static String settled(String key, String receiptId) {
        return Await.until("receipt " + receiptId + " finished", Duration.ofSeconds(60),
                () -> partner(key).get("/api/v1/receipts/" + receiptId).then().statusCode(200)
                        .extract().<String>path("status"),
                status -> !status.equals("PENDING") && !status.equals("PROCESSING"));
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsInARealScrape() throws Exception {
        // one accepted and one refused record per interface, and an UPDATE of a department that does not exist
        String dept = unique("MON");
        String person = unique("E");
        String company = unique("SUP");
        List<String> accepted = List.of(
                post("his-dev-key", "departments", envelope("HIS", dept, "CREATE",
                        Json.object("code", dept, "name", "Monitoring ward")), 202),
                post("erp-dev-key", "partners", envelope("ERP", company, "CREATE", Json.object("code", company,
                        "name", "Beijing Medical Supplies", "type", "COMPANY", "categoryCode", "SUPPLIER",
                        "taxId", "91350100M000100Y43", "address",
                        Json.object("line1", "1 Chang'an Ave", "city", "Beijing", "countryCode", "CN"))), 202));
        assertThat(settled("his-dev-key", accepted.get(0))).isEqualTo("PROCESSED");
        assertThat(settled("erp-dev-key", accepted.get(1))).isEqualTo("PROCESSED");
        String employee = post("his-dev-key", "employees", envelope("HIS", person, "CREATE", Json.object("code", person,
                "name", "Wang Fang", "departmentCode", dept, "title", "Nurse")), 202);
        assertThat(settled("his-dev-key", employee)).isEqualTo("PROCESSED");
        for (String[] refused : new String[][] {{"his-dev-key", "departments"}, {"his-dev-key", "employees"},
                {"erp-dev-key", "partners"}}) {
            post(refused[0], refused[1], envelope(refused[0].startsWith("his") ? "HIS" : "ERP", unique("BAD"),
                    "CREATE", Json.object("code", "bad code!")), 400);
        }
        String absent = unique("NOPE");
        String failing = post("his-dev-key", "departments", envelope("HIS", absent, "UPDATE",
                Json.object("code", absent, "name", "Not there")), 202);
        assertThat(settled("his-dev-key", failing)).isEqualTo("FAILED");

        Map<String, List<Selector>> referenced = referencedSelectors();
        assertThat(referenced.keySet()).as("metric names found in the dashboard and the rules")
                .contains("hub_rows_total", "hub_apply_seconds_bucket", "hub_records_accepted_total",
                        "hub_records_rejected_total", "hub_job_last_finished_timestamp_seconds", "hub_database_up",
                        "http_server_requests_seconds_count", "hub_backlog_rows", "hub_oldest_pending_seconds",
                        "hub_job_run_seconds_count", "hub_job_interval_seconds", "hub_job_enabled")
                .doesNotContain("up", "rate", "sum", "by", "le", "interface", "histogram_quantile", "time", "and");

        // the backlog and job gauges are refreshed every 10 s: wait until a scrape has them all, then report
        // whatever is still missing
        List<String> missing = Await.within(Duration.ofSeconds(45), Duration.ofSeconds(1),
                () -> unmatched(referenced, scrape(hub.intakeUrl) + scrape(hub.processorUrl)), List::isEmpty)
                .orElseGet(() -> unmatched(referenced, scrape(hub.intakeUrl) + scrape(hub.processorUrl)));
        assertThat(missing).as("selectors of the dashboard and the alert rules that match nothing in /q/metrics "
                + "of the intake and the processor").isEmpty();
    }

    /** The extraction itself: metric names, not functions, keywords, grouping labels or durations. */
    @Test
    void metricNamesAreTakenFromPromQlWithoutFunctionsLabelsOrKeywords() {
        String expr = "histogram_quantile(0.95, sum by (le) (rate(hub_apply_seconds_bucket{namespace=~\"$namespace\", "
                + "interface=~\"$interface\"}[$__rate_interval]))) / on (job) group_left max without (instance) "
                + "(hub_job_enabled offset 5m) > bool 1 and time() - max_over_time(hub_x:rate5m[1h:5m]) "
                + "unless absent(up{job=\"a\"} == 1) or vector(0) * hub_plain";
        Map<String, List<Selector>> found = selectors(expr);
        assertThat(found.keySet()).containsExactlyInAnyOrder("hub_apply_seconds_bucket", "hub_job_enabled",
                "hub_x:rate5m", "up", "hub_plain");
        assertThat(found.get("hub_apply_seconds_bucket").get(0).matchers())
                .containsExactly(new Matcher3("namespace", "=~", "$namespace"), new Matcher3("interface", "=~", "$interface"));
        List<String> none = unmatched(Map.of("hub_rows_total", List.of(new Selector("hub_rows_total",
                List.of(new Matcher3("outcome", "=", "FAILED"))))), "hub_rows_total{interface=\"a\",outcome=\"PROCESSED\"} 1.0\n");
        assertThat(none).hasSize(1);
        assertThat(unmatched(Map.of("hub_rows_total", List.of(new Selector("hub_rows_total",
                List.of(new Matcher3("outcome", "=~", "FAILED|PROCESSED"))))),
                "hub_rows_total{interface=\"a\",outcome=\"PROCESSED\"} 1.0\n")).isEmpty();
    }

    static String scrape(String baseUrl) {
        return given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    record Matcher3(String label, String op, String value) {
        boolean matches(Map<String, String> labels) {
            String actual = labels.getOrDefault(label, "");
            return switch (op) {
                case "=" -> actual.equals(value);
                case "!=" -> !actual.equals(value);
                case "=~" -> actual.matches(value);
                case "!~" -> !actual.matches(value);
                default -> throw new IllegalArgumentException(op);
            };
        }
    }

    record Selector(String metric, List<Matcher3> matchers) {
        /** The matchers a scrape can answer: fixed values on the service's own labels. */
        List<Matcher3> checkable() {
            return matchers.stream().filter(m -> !TARGET_LABELS.contains(m.label()) && !m.value().contains("$")).toList();
        }

        @Override
        public String toString() {
            return metric + matchers.stream().map(m -> m.label() + m.op() + "\"" + m.value() + "\"").toList();
        }
    }

    /** Each selector, as text, that no sample of the scrape satisfies. */
    static List<String> unmatched(Map<String, List<Selector>> referenced, String scrape) {
        Map<String, List<Map<String, String>>> samples = new LinkedHashMap<>();
        Pattern line = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+\\S+.*$");
        Pattern label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
        for (String l : scrape.split("\n")) {
            Matcher m = line.matcher(l);
            if (l.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher lm = label.matcher(m.group(3));
                while (lm.find()) {
                    labels.put(lm.group(1), lm.group(2));
                }
            }
            samples.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(labels);
        }
        List<String> missing = new ArrayList<>();
        referenced.forEach((metric, selectors) -> {
            for (Selector s : selectors) {
                List<Matcher3> checkable = s.checkable();
                boolean found = samples.getOrDefault(metric, List.of()).stream()
                        .anyMatch(labels -> checkable.stream().allMatch(c -> c.matches(labels)));
                if (!found) {
                    missing.add(s.toString());
                }
            }
        });
        return missing;
    }

    /** The selectors of every dashboard panel query and every alert rule, by metric name, less Prometheus' own. */
    static Map<String, List<Selector>> referencedSelectors() throws Exception {
        Path dir = Path.of(System.getProperty("hub.monitoring", "../deploy/monitoring"));
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(dir.resolve("grafana/integration-hub.json").toFile());
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            String query = variable.path("query").isObject() ? variable.path("query").path("query").asText()
                    : variable.path("query").asText();
            Matcher m = Pattern.compile("^label_values\\((.*),\\s*\\w+\\)$").matcher(query);
            if (m.matches()) {
                expressions.add(m.group(1));
            }
        }
        List<String> rules = ruleExpressions(Files.readAllLines(dir.resolve("prometheus/alerts.yml")));
        assertThat(rules).as("alert rule expressions in alerts.yml").hasSize(5);
        expressions.addAll(rules);
        Map<String, List<Selector>> all = new java.util.TreeMap<>();
        for (String expr : expressions) {
            selectors(expr).forEach((metric, s) -> all.computeIfAbsent(metric, k -> new ArrayList<>()).addAll(s));
        }
        all.keySet().removeAll(SYNTHETIC);
        return all;
    }

    /** The {@code expr:} of each rule: on its line, or the indented block after {@code expr: |}. */
    static List<String> ruleExpressions(List<String> lines) {
        List<String> exprs = new ArrayList<>();
        Pattern start = Pattern.compile("^(\\s*)expr:\\s*(.*)$");
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = start.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            String rest = m.group(2).trim();
            if (!rest.startsWith("|") && !rest.startsWith(">")) {
                exprs.add(rest);
                continue;
            }
            int indent = m.group(1).length();
            StringBuilder block = new StringBuilder();
            while (i + 1 < lines.size() && (lines.get(i + 1).isBlank()
                    || lines.get(i + 1).length() - lines.get(i + 1).stripLeading().length() > indent)) {
                block.append(lines.get(++i).trim()).append('\n');
            }
            exprs.add(block.toString());
        }
        return exprs;
    }

    static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

    /** The metric selectors of a PromQL expression by metric name: identifiers that are no function or keyword. */
    static Map<String, List<Selector>> selectors(String expr) {
        Map<String, List<Selector>> found = new LinkedHashMap<>();
        // grouping and matching clauses name labels, not metrics; ranges and subqueries hold durations
        String s = expr.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\[[^\\]]*\\]", " ");
        Pattern token = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*\\}|[a-zA-Z_:][a-zA-Z0-9_:]*|[0-9.]+[a-zA-Z]*|\\S");
        Matcher m = token.matcher(s);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (!t.matches("[a-zA-Z_:][a-zA-Z0-9_:]*") || KEYWORDS.contains(t.toLowerCase())) {
                continue;
            }
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (next.equals("(")) {
                continue; // a function
            }
            List<Matcher3> matchers = new ArrayList<>();
            if (next.startsWith("{")) {
                Matcher lm = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                        .matcher(next);
                while (lm.find()) {
                    matchers.add(new Matcher3(lm.group(1), lm.group(2), lm.group(3)));
                }
            }
            found.computeIfAbsent(t, k -> new ArrayList<>()).add(new Selector(t, matchers));
        }
        return found;
    }
}
