package org.integrationhub.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.integrationhub.devsupport.Await;
import org.integrationhub.partnerclient.ApiClient;
import org.integrationhub.partnerclient.ApiException;
import org.integrationhub.partnerclient.api.ReceiptsApi;
import org.integrationhub.partnerclient.api.RecordsApi;
import org.integrationhub.partnerclient.api.SyncApi;
import org.integrationhub.partnerclient.model.DepartmentData;
import org.integrationhub.partnerclient.model.DepartmentRecord;
import org.integrationhub.partnerclient.model.FieldError;
import org.integrationhub.partnerclient.model.InterfaceName;
import org.integrationhub.partnerclient.model.Operation;
import org.integrationhub.partnerclient.model.OutcomePage;
import org.integrationhub.partnerclient.model.Problem;
import org.integrationhub.partnerclient.model.Receipt;
import org.integrationhub.partnerclient.model.ReconcileAnswer;
import org.integrationhub.partnerclient.model.ReconcileItem;
import org.integrationhub.partnerclient.model.ReconcileRequest;
import org.integrationhub.partnerclient.model.RecordStatus;
import org.integrationhub.partnerclient.model.SyncState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Partners post to the intake; the processor, on its own schedule and wake-up signal, applies what they
 * sent; operators read the result. Both services run from their packaged jars on one database, log JSON lines as
 * in production, and export their spans over OTLP to a stand-in collector.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubEndToEndIT {

    static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-26T08:00:00+08:00");
    static final Duration SETTLE = Duration.ofSeconds(60);

    static RunningHub hub;
    static OtlpReceiver collector;

    @BeforeAll
    static void start() throws Exception {
        collector = new OtlpReceiver();
        hub = RunningHub.start(Map.of(
                "quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint(),
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.bsp.schedule.delay", "200ms"));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    static RequestSpecification partner(String key) {
        return given().baseUri(hub.intakeUrl).header("X-API-Key", key).contentType(ContentType.JSON);
    }

    static RequestSpecification operator() {
        return given().baseUri(hub.processorUrl).header("X-API-Key", "ops-dev-key");
    }

    static Map<String, Object> envelope(String source, String externalId, String operation, OffsetDateTime sentAt,
                                        Map<String, Object> data) {
        return Json.object("sourceSystem", source, "externalId", externalId, "operation", operation,
                "sentAt", sentAt.toString(), "data", data);
    }

    static Map<String, Object> data(Object... pairs) {
        return Json.object(pairs);
    }

    /** Posts a batch; every record must be accepted. Answers the receipt ids in order. */
    static List<String> batch(String key, String interfaceName, List<Map<String, Object>> records) {
        Response response = partner(key).body(Map.of("records", records))
                .post("/api/v1/interfaces/" + interfaceName + "/records/batch");
        response.then().statusCode(200).body("rejected", equalTo(0));
        return response.jsonPath().getList("results.receiptId", String.class);
    }

    static String single(String key, String interfaceName, Map<String, Object> envelope) {
        return partner(key).body(envelope).post("/api/v1/interfaces/" + interfaceName + "/records")
                .then().statusCode(202).extract().path("receiptId");
    }

    /** Waits until the receipt is finished (PROCESSED, FAILED or SKIPPED) and answers it. */
    static Map<String, Object> settled(String key, String receiptId) {
        return Await.until("receipt " + receiptId + " finished", SETTLE,
                () -> partner(key).get("/api/v1/receipts/" + receiptId)
                        .then().statusCode(200).extract().jsonPath().<String, Object>getMap("$"),
                receipt -> !receipt.get("status").equals("PENDING") && !receipt.get("status").equals("PROCESSING"));
    }

    static void assertProcessed(String key, List<String> receipts) {
        for (String receipt : receipts) {
            Map<String, Object> settled = settled(key, receipt);
            assertThat(settled.get("status")).as("receipt %s: %s", receipt, settled.get("errorMessage"))
                    .isEqualTo("PROCESSED");
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A tree of three departments, two employees and a supplier with a contact, all sent child-first. */
    record Scenario(String root, String ward, String unit, String nurse, String doctor, String supplier,
                    String contact, List<String> employeeReceipts) {

        static Scenario create() {
            String root = unique("ROOT");
            String ward = root + "-WARD";
            String unit = root + "-UNIT";
            String nurse = unique("E");
            String doctor = unique("E");
            String supplier = unique("SUP");
            String contact = unique("CON");
            // children before parents, in the batch and in sentAt: each waits in staging for its parent
            List<String> departments = batch("his-dev-key", "departments", List.of(
                    envelope("HIS", unit, "CREATE", T0, data("code", unit, "name", "ICU unit", "parentCode", ward)),
                    envelope("HIS", ward, "CREATE", T0.plusSeconds(1),
                            data("code", ward, "name", "Cardiology ward", "parentCode", root, "costCenter", "CC-41")),
                    envelope("HIS", root, "CREATE", T0.plusSeconds(2), data("code", root, "name", "Hospital"))));
            List<String> employees = batch("his-dev-key", "employees", List.of(
                    envelope("HIS", nurse, "CREATE", T0, data("code", nurse, "name", "Wang Fang",
                            "departmentCode", unit, "title", "Nurse", "email", "wang.fang@hospital.example")),
                    envelope("HIS", doctor, "CREATE", T0, data("code", doctor, "name", "Li Wei",
                            "departmentCode", ward, "title", "Cardiologist", "hireDate", "2024-03-01"))));
            List<String> partners = batch("erp-dev-key", "partners", List.of(
                    envelope("ERP", contact, "CREATE", T0, data("code", contact, "name", "Zhao Lei",
                            "type", "PERSON", "categoryCode", "SUPPLIER", "parentCode", supplier,
                            "email", "zhao.lei@supplier.example")),
                    envelope("ERP", supplier, "CREATE", T0.plusSeconds(1), data("code", supplier,
                            "name", "Beijing Medical Supplies", "type", "COMPANY", "categoryCode", "SUPPLIER",
                            "taxId", "91350100M000100Y43",
                            "address", data("line1", "1 Chang'an Ave", "city", "Beijing", "countryCode", "CN")))));
            assertProcessed("his-dev-key", departments);
            assertProcessed("his-dev-key", employees);
            assertProcessed("erp-dev-key", partners);
            return new Scenario(root, ward, unit, nurse, doctor, supplier, contact, employees);
        }
    }

    @Test
    void aTreeItsEmployeesAndASupplierWithItsContactArriveChildFirstAndAllApply() throws Exception {
        Scenario s = Scenario.create();

        operator().get("/api/v1/departments/" + s.root + "/subtree").then().statusCode(200)
                .body("department.code", contains(s.root, s.ward, s.unit))
                .body("depth", contains(0, 1, 2));
        operator().get("/api/v1/departments/" + s.ward).then().statusCode(200)
                .body("parentCode", equalTo(s.root)).body("costCenter", equalTo("CC-41"));
        operator().queryParam("departmentCode", s.unit).get("/api/v1/employees").then().statusCode(200)
                .body("items.code", contains(s.nurse)).body("items[0].title", equalTo("Nurse"));
        operator().get("/api/v1/employees/" + s.doctor).then().statusCode(200)
                .body("departmentCode", equalTo(s.ward)).body("hireDate", equalTo("2024-03-01"));
        operator().get("/api/v1/partners/" + s.contact).then().statusCode(200)
                .body("parentCode", equalTo(s.supplier)).body("sourceSystem", equalTo("ERP"));
        operator().get("/api/v1/partners/" + s.supplier).then().statusCode(200)
                .body("taxId", equalTo("91350100M000100Y43")).body("address.city", equalTo("Beijing"));
        operator().queryParam("parentCode", s.supplier).get("/api/v1/partners").then().statusCode(200)
                .body("items.code", contains(s.contact));
    }

    @Test
    void anUpdateAppliesAndAStaleOneIsSkippedWithoutChangingAnything() throws Exception {
        Scenario s = Scenario.create();

        String update = single("his-dev-key", "employees", envelope("HIS", s.nurse, "UPDATE", T0.plusHours(1),
                data("code", s.nurse, "name", "Wang Fang", "departmentCode", s.ward, "title", "Head nurse")));
        assertProcessed("his-dev-key", List.of(update));
        String stale = single("his-dev-key", "employees", envelope("HIS", s.nurse, "UPDATE", T0.plusMinutes(30),
                data("code", s.nurse, "name", "Wang Fang", "departmentCode", s.unit, "title", "Trainee")));
        Map<String, Object> skipped = settled("his-dev-key", stale);

        assertThat(skipped.get("status")).isEqualTo("SKIPPED");
        assertThat((String) skipped.get("errorMessage")).contains("stale");
        operator().get("/api/v1/employees/" + s.nurse).then().statusCode(200)
                .body("title", equalTo("Head nurse")).body("departmentCode", equalTo(s.ward))
                .body("lastReceiptId", equalTo(update));
        operator().get("/api/v1/employees/" + s.nurse + "/lineage").then().statusCode(200)
                .body("changes.receiptId", contains(update, s.employeeReceipts().get(0)));
    }

    @Test
    void deletesAreRefusedNamingTheDependantsThenAllowedOnceTheyAreArchived() throws Exception {
        Scenario s = Scenario.create();
        OffsetDateTime t = T0.plusDays(1);

        String ward = single("his-dev-key", "departments", envelope("HIS", s.ward, "DELETE", t, data()));
        Map<String, Object> refused = settled("his-dev-key", ward);
        assertThat(refused.get("status")).isEqualTo("FAILED");
        assertThat((String) refused.get("errorMessage")).contains("department " + s.unit).contains("employee " + s.doctor);
        String supplier = single("erp-dev-key", "partners", envelope("ERP", s.supplier, "DELETE", t, data()));
        Map<String, Object> refusedSupplier = settled("erp-dev-key", supplier);
        assertThat(refusedSupplier.get("status")).isEqualTo("FAILED");
        assertThat((String) refusedSupplier.get("errorMessage")).contains("contact " + s.contact);

        // archive the dependants, then the same deletes go through
        List<String> dependants = batch("his-dev-key", "employees", List.of(
                envelope("HIS", s.nurse, "DELETE", t.plusMinutes(1), data()),
                envelope("HIS", s.doctor, "DELETE", t.plusMinutes(1), data())));
        assertProcessed("his-dev-key", dependants);
        assertProcessed("his-dev-key", List.of(single("his-dev-key", "departments",
                envelope("HIS", s.unit, "DELETE", t.plusMinutes(2), data()))));
        assertProcessed("erp-dev-key", List.of(single("erp-dev-key", "partners",
                envelope("ERP", s.contact, "DELETE", t.plusMinutes(2), data()))));
        assertProcessed("his-dev-key", List.of(single("his-dev-key", "departments",
                envelope("HIS", s.ward, "DELETE", t.plusMinutes(3), data()))));
        assertProcessed("erp-dev-key", List.of(single("erp-dev-key", "partners",
                envelope("ERP", s.supplier, "DELETE", t.plusMinutes(3), data()))));

        operator().get("/api/v1/departments/" + s.ward).then().statusCode(200).body("active", equalTo(false));
        operator().get("/api/v1/partners/" + s.supplier).then().statusCode(200).body("active", equalTo(false));
        operator().get("/api/v1/departments/" + s.root + "/subtree").then()
                .statusCode(200).body("department.code", contains(s.root));
        operator().queryParam("parentCode", s.root).queryParam("active", false).get("/api/v1/departments").then()
                .statusCode(200).body("items.code", containsInAnyOrder(s.ward));
    }

    /**
     * A partner's developer generates a Java client from the intake's OpenAPI document (the build does, with
     * openapi-generator's java native generator) and sends a department through it: a dry run, the record, its
     * receipt until PROCESSED, the outcome feed and a reconcile, and a refused record's problem.
     */
    @Test
    void aClientGeneratedFromTheOpenApiDocumentSendsADepartmentThatApplies() throws Exception {
        // the client was generated from the document the running intake serves
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(mapper.readTree(partner("his-dev-key").accept(ContentType.JSON).get("/q/openapi").asString()))
                .isEqualTo(mapper.readTree(java.nio.file.Path.of(System.getProperty("hub.intake.openapi")).toFile()));

        ApiClient client = new ApiClient();
        client.updateBaseUri(hub.intakeUrl);
        client.setRequestInterceptor(request -> request.header("X-API-Key", "his-dev-key"));
        RecordsApi records = new RecordsApi(client);
        String code = unique("GEN");
        OffsetDateTime sentAt = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        DepartmentRecord department = new DepartmentRecord().sourceSystem("HIS").externalId(code)
                .operation(Operation.CREATE).sentAt(sentAt)
                .data(new DepartmentData().code(code).name("Generated-client clinic").costCenter("CC-7"));

        Receipt tried = records.submitDepartment(department, true, null);
        assertThat(tried.getDryRun()).isTrue();
        assertThat(tried.getReceiptId()).isNull();
        assertThat(tried.getStatus()).isEqualTo(RecordStatus.PENDING);

        Receipt receipt = records.submitDepartment(department, false, null);
        assertThat(receipt.getReceiptId()).isNotNull();
        assertThat(receipt.getDryRun()).isNull();
        assertThat(receipt.getSentAt().toInstant()).isEqualTo(sentAt.toInstant());
        ReceiptsApi receipts = new ReceiptsApi(client);
        Receipt applied = Await.until("receipt " + receipt.getReceiptId() + " finished", SETTLE,
                () -> receipts.getReceipt(receipt.getReceiptId()), r -> r.getStatus() == RecordStatus.PROCESSED
                        || r.getStatus() == RecordStatus.FAILED || r.getStatus() == RecordStatus.SKIPPED);
        assertThat(applied.getStatus()).as(applied.getErrorMessage()).isEqualTo(RecordStatus.PROCESSED);

        // the outcome feed lists it, and a reconcile finds the hub in sync
        Receipt listed = Await.until("the feed lists " + code, SETTLE, () -> {
            String after = null;
            OutcomePage page;
            do {
                page = receipts.listOutcomes(after, List.of(InterfaceName.DEPARTMENTS), 1000, List.of("PROCESSED"));
                for (Receipt r : page.getItems()) {
                    if (receipt.getReceiptId().equals(r.getReceiptId())) {
                        return r;
                    }
                }
                after = page.getNext();
            } while (Boolean.TRUE.equals(page.getMore()));
            return null;
        }, java.util.Objects::nonNull);
        assertThat(listed.getExternalId()).isEqualTo(code);
        ReconcileAnswer answer = new SyncApi(client).reconcileRecords(InterfaceName.DEPARTMENTS, new ReconcileRequest()
                .addItemsItem(new ReconcileItem().externalId(code).sentAt(sentAt)));
        assertThat(answer.getResults()).singleElement()
                .satisfies(r -> assertThat(r.getState()).isEqualTo(SyncState.IN_SYNC));

        // a refused record is an ApiException whose body is the problem, naming the field
        ApiException refused = org.junit.jupiter.api.Assertions.assertThrows(ApiException.class, () ->
                records.submitDepartment(new DepartmentRecord().sourceSystem("HIS").externalId(unique("GEN"))
                        .operation(Operation.CREATE).sentAt(sentAt).data(new DepartmentData().code("bad code!")), false, null));
        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = client.getObjectMapper().readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getErrors()).extracting(FieldError::getField).contains("data.code", "data.name");
    }

    /**
     * A partner's traceparent leads to the processor's apply of the record: the intake's span continues the
     * partner's trace, and the apply span links to that intake span.
     */
    @Test
    void aPartnersTraceLeadsToTheApplyOfItsRecord() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String partnerSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String code = unique("TRACE");
        String receipt = partner("his-dev-key").header("traceparent", "00-" + traceId + "-" + partnerSpan + "-01")
                .body(envelope("HIS", code, "CREATE", T0, data("code", code, "name", "Traced ward")))
                .post("/api/v1/interfaces/departments/records")
                .then().statusCode(202).body("traceId", equalTo(traceId)).extract().path("receiptId");
        assertProcessed("his-dev-key", List.of(receipt));

        java.util.function.Predicate<OtlpReceiver.Received> isApply = s -> s.service().equals("processor-service")
                && s.name().equals("apply departments") && s.linkedTraceIds().contains(traceId);
        Await.until("the apply span of " + code + " among the spans received (by service and name)", SETTLE, () -> {
            Map<String, Long> seen = new java.util.TreeMap<>(collector.spans().stream().collect(
                    java.util.stream.Collectors.groupingBy(s -> s.service() + " " + s.name()
                            + (isApply.test(s) ? " (the one)" : ""), java.util.stream.Collectors.counting())));
            collector.refused().forEach(why -> seen.merge("refused export: " + why, 1L, Long::sum));
            return seen;
        }, seen -> seen.keySet().stream().anyMatch(k -> k.endsWith("(the one)")));
        OtlpReceiver.Received apply = collector.spans().stream().filter(isApply).findFirst().orElseThrow();
        OtlpReceiver.Received intake = Await.until("the intake span it links to", SETTLE, () -> collector.spans()
                .stream().filter(s -> s.spanId().equals(apply.linkedSpanIds().get(0))).findFirst().orElse(null),
                java.util.Objects::nonNull);
        assertThat(intake.service()).isEqualTo("intake-service");
        assertThat(intake.traceId()).isEqualTo(traceId);
        assertThat(intake.parentSpanId()).as("the intake continues the partner's span").isEqualTo(partnerSpan);
        operator().get("/api/v1/admin/records?externalId=" + code).then().statusCode(200)
                .body("items[0].traceId", equalTo(traceId));
    }

    /**
     * What the services logged while every other test ran: one JSON object per line, as production writes them,
     * and no API key, password or partner data in any of them.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void theLogsAreJsonLinesWithoutSecretsOrPartnerData() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> secrets = List.of("his-dev-key", "erp-dev-key", "ops-dev-key", "ops-dev-password",
                "viewer-dev-password", "Wang Fang", "Beijing Medical Supplies", "zhao.lei@supplier.example",
                "Traced ward", "Generated-client clinic");
        int lines = 0;
        for (String log : List.of("e2e-intake.log", "e2e-processor.log")) {
            java.nio.file.Path path = java.nio.file.Path.of(System.getProperty("hub.logs", "target"), log);
            for (String line : java.nio.file.Files.readAllLines(path)) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                assertThat(mapper.readTree(line).path("message").isTextual()).as(log + ": " + line).isTrue();
                for (String secret : secrets) {
                    assertThat(line).as(log).doesNotContain(secret);
                }
            }
        }
        assertThat(lines).isGreaterThan(10);
    }
}
