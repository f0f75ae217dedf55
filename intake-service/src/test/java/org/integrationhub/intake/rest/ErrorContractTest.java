package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.LogCapture;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.devsupport.RawHttp;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.integrationhub.intake.IntakeFixture.ERP;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.payloadField;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

/** The contract's error rows that are about the request's shape, each as problem+json with nothing stored. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ErrorContractTest {

    @Test
    void wrongTypesAre400WithTheirPaths() throws SQLException {
        String id = unique("D");
        refused(post(HIS, "departments", """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "CREATE", "sentAt": 1764115200,
                 "data": {"code": 7, "name": ["Cardiology"]}}""".formatted(id)),
                id, 400, Map.of("sentAt", "invalid_format", "data.code", "invalid_format", "data.name", "invalid_format"));
    }

    @Test
    void nullWhereAnObjectBelongsIs400() throws SQLException {
        String id = unique("D");
        refused(post(HIS, "departments", envelope("HIS", id, "CREATE", "null")), id, 400, "data", "required");
        post(HIS, "departments", "null").then().statusCode(400).contentType("application/problem+json");
        post(HIS, "departments", "[1, 2]").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void deepNestingIs400() {
        String deep = "[".repeat(500) + "]".repeat(500);
        post(HIS, "departments", envelope("HIS", "D-1", "CREATE", "{\"code\": " + deep + "}"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:integration-hub:problem:malformed-request"))
                .body("detail", containsString("nested"));
    }

    @Test
    void duplicateKeysAre400NamingTheKey() {
        post(HIS, "departments", """
                {"sourceSystem": "HIS", "externalId": "D-1", "operation": "CREATE",
                 "sentAt": "2026-11-26T08:00:00Z", "data": {"code": "D-1", "name": "A", "name": "B"}}""")
                .then().statusCode(400).body("detail", containsString("name"));
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        String huge = "{\"records\": [\"" + "x".repeat(1_100_000) + "\"]}";
        given().header("X-API-Key", HIS).contentType(ContentType.JSON).body(huge)
                .when().post("/api/v1/interfaces/departments/records/batch")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("correlationId", notNullValue());
    }

    /**
     * A plain client writes its whole body before it reads a byte of the answer. The 413 is decided from the
     * announced length, long before the body has arrived; were the connection closed at once, the client's write
     * would meet a reset and it would never see the 413. The body here is many times what the sockets buffer.
     */
    @Test
    void aClientThatSendsItsWholeBodyFirstStillReadsThe413() {
        byte[] huge = new byte[16 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        for (String connection : new String[] {"", "Connection: close\r\n"}) {
            RawHttp.Answer answer = raw().sendWholeBodyFirst("POST /api/v1/interfaces/departments/records/batch "
                    + "HTTP/1.1\r\n" + connection + "X-API-Key: " + HIS + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + huge.length, huge);
            answer.requireProblem(413);
            assertThat(answer.header("Connection")).isEqualTo("close");
        }
    }

    /**
     * A request pipelined behind one refused with Connection: close is not processed: its answer could never be
     * sent, and the client, seeing none, would send again what had been stored.
     */
    @Test
    void aRequestPipelinedBehindARefusalIsNotProcessed() throws SQLException {
        for (String refused : new String[] {"Content-Encoding: gzip", "X-Filler: " + "f".repeat(30_000)}) {
            for (boolean withBody : new boolean[] {false, true}) {
                String id = unique("D");
                byte[] second = department(id).getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream wire = new ByteArrayOutputStream();
                wire.writeBytes((withBody ? "{}" : "").getBytes(StandardCharsets.US_ASCII));
                wire.writeBytes(("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-API-Key: " + HIS + "\r\nContent-Type: application/json\r\nContent-Length: " + second.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                wire.writeBytes(second);
                RawHttp.Answer answer = raw().sendWholeBodyFirst((withBody ? "POST" : "GET")
                        + " /api/v1/interfaces/departments/records HTTP/1.1\r\nX-API-Key: " + HIS + "\r\n" + refused
                        + (withBody ? "\r\nContent-Type: application/json\r\nContent-Length: 2" : ""), wire.toByteArray());
                assertThat(answer.status()).isIn(415, 431);
                assertThat(answer.body()).as("one answer only").doesNotContain("HTTP/1.1");
                assertThat(stored(id)).as("the pipelined record, never answered, was not stored").isZero();
            }
        }
    }

    /** The rest of a refused body is waited for, but not for ever: a client that stalls is closed on. */
    @Test
    void aClientThatStallsAfterA413IsClosedOn() throws IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /api/v1/interfaces/departments/records/batch HTTP/1.1\r\nHost: x\r\n"
                    + "X-API-Key: " + HIS + "\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n"
                    + "{\"records\": [").getBytes(StandardCharsets.US_ASCII));
            // read to the end: the server must close the connection itself, well before this socket's timeout
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
    }

    @Test
    void aClientThatSendsItsWholeChunkedBodyFirstStillReadsThe413() {
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        byte[] chunk = " ".repeat(65_536).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 256; i++) {
            chunked.writeBytes("10000\r\n".getBytes(StandardCharsets.US_ASCII));
            chunked.writeBytes(chunk);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawHttp.Answer answer = raw().sendWholeBodyFirst("POST /api/v1/interfaces/departments/records/batch HTTP/1.1\r\n"
                + "X-API-Key: " + HIS + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                chunked.toByteArray());
        answer.requireProblem(413);
    }

    @Test
    void emptyBodyIs400() {
        given().header("X-API-Key", HIS).contentType(ContentType.JSON)
                .when().post("/api/v1/interfaces/departments/records")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().header("X-API-Key", HIS).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("X-API-Key", HIS).when().delete("/api/v1/interfaces/departments/records")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void theCorrelationIdIsEchoed() {
        given().header("X-Correlation-Id", "partner-trace-0001").when().get("/api/v1/interfaces")
                .then().statusCode(401)
                .header("X-Correlation-Id", "partner-trace-0001")
                .body("correlationId", equalTo("partner-trace-0001"));
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() {
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            given().header("X-API-Key", HIS).contentType(ContentType.JSON).body("{}")
                    .when().request(method, "/api/v1/interfaces/departments/records")
                    .then().statusCode(405).contentType("application/problem+json")
                    .header("Allow", containsString("POST"))
                    .body("status", equalTo(405))
                    .body("type", equalTo("urn:integration-hub:problem:method-not-allowed"))
                    .body("errors", empty());
        }
        given().header("X-API-Key", HIS).when().post("/api/v1/receipts/0190f0a3-7c1e-7d2a-9c4b-5e6f7a8b9c0d")
                .then().statusCode(405).contentType("application/problem+json")
                .header("Allow", containsString("GET"));
    }

    @Test
    void aBodyWithoutContentTypeIs415() throws SQLException {
        String id = unique("D");
        byte[] body = department(id).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = raw().send("POST /api/v1/interfaces/departments/records HTTP/1.1\r\n"
                + "X-API-Key: " + HIS + "\r\nContent-Length: " + body.length, body);
        answer.requireProblem(415);
        assertThat(stored(id)).isZero();
    }

    @Test
    void aCompressedBodyIs415AskingForIdentity() throws IOException, SQLException {
        String id = unique("D");
        given().header("X-API-Key", HIS).header("Content-Encoding", "gzip").contentType(ContentType.JSON)
                .body(gzip(department(id)))
                .when().post("/api/v1/interfaces/departments/records")
                .then().statusCode(415).contentType("application/problem+json")
                .header("Accept-Encoding", "identity")
                .body("status", equalTo(415))
                .body("detail", containsString("Content-Encoding"));
        assertThat(stored(id)).isZero();
    }

    @Test
    void aContentEncodingThatLiesIs415Too() throws SQLException {
        String id = unique("D");
        given().header("X-API-Key", HIS).header("Content-Encoding", "gzip").contentType(ContentType.JSON)
                .body(department(id))
                .when().post("/api/v1/interfaces/departments/records")
                .then().statusCode(415).contentType("application/problem+json")
                .header("Accept-Encoding", "identity")
                .body("status", equalTo(415));
        assertThat(stored(id)).isZero();
        given().header("X-API-Key", HIS).header("Content-Encoding", "identity").contentType(ContentType.JSON)
                .body(department(id))
                .when().post("/api/v1/interfaces/departments/records")
                .then().statusCode(202);
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemWithoutAStackTrace() {
        byte[] huge = ("{\"records\": [\"" + "x".repeat(1_200_000) + "\"]}").getBytes(StandardCharsets.UTF_8);
        try (LogCapture logs = LogCapture.start()) {
            RawHttp.Answer answer = raw().sendChunked("POST /api/v1/interfaces/departments/records/batch HTTP/1.1\r\n"
                    + "X-API-Key: " + HIS + "\r\nContent-Type: application/json", huge, 16_384);
            answer.requireProblem(413);
            assertThat(logs.errorsOrStackTraces()).isEmpty();
        }
    }

    /**
     * A transfer coding other than plain chunked is refused and its connection closed: framed as the codec reads
     * it, the body could carry a request of its own (smuggled past a proxy that reads it otherwise) or a coding
     * nobody decodes.
     */
    @Test
    void aTransferEncodingOtherThanChunkedIs400AndNothingInItIsProcessed() throws SQLException {
        for (String coding : new String[] {"foo", "xchunked", "gzip, chunked"}) {
            String id = unique("D");
            byte[] inner = department(id).getBytes(StandardCharsets.UTF_8);
            byte[] smuggled = ("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nHost: localhost\r\nX-API-Key: "
                    + HIS + "\r\nContent-Type: application/json\r\nContent-Length: " + inner.length + "\r\n\r\n"
                    + department(id)).getBytes(StandardCharsets.UTF_8);
            if (coding.endsWith("chunked") && !coding.equals("xchunked")) {
                // framed as the codec reads it, chunked; the gzip coding nobody would decode
                smuggled = (Integer.toHexString(smuggled.length) + "\r\n" + new String(smuggled, StandardCharsets.UTF_8)
                        + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            }
            RawHttp.Answer answer = raw().sendWholeBodyFirst("POST /api/v1/interfaces/departments/records HTTP/1.1\r\n"
                    + "X-API-Key: " + HIS + "\r\nContent-Type: application/json\r\nTransfer-Encoding: " + coding, smuggled);
            assertThat(answer.requireProblem(400).path("detail").asText()).as(coding).contains("Transfer-Encoding");
            assertThat(answer.body()).as("one answer only").doesNotContain("HTTP/1.1");
            assertThat(stored(id)).as(coding).isZero();
        }
    }

    /**
     * A header field that a request carries once, sent twice, is a 400 naming it, and nothing is stored: this service
     * reads the first value, a proxy in front of it perhaps the last, and the two would handle different requests.
     */
    @Test
    void aHeaderFieldSentTwiceThatComesOnceIs400AndNothingIsStored() throws SQLException {
        Map<String, String> twice = new LinkedHashMap<>();
        twice.put("Host", "Host: other.example");
        twice.put("Content-Type", "Content-Type: text/plain");
        twice.put("X-API-Key", "X-API-Key: " + ERP);
        twice.put("Idempotency-Key", "Idempotency-Key: first\r\nIdempotency-Key: second");
        for (Map.Entry<String, String> field : twice.entrySet()) {
            String id = unique("D");
            byte[] body = department(id).getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer = raw().send("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nX-API-Key: "
                    + HIS + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                    + field.getValue(), body);
            assertThat(answer.requireProblem(400).path("detail").asText()).as(field.getKey())
                    .contains("header field " + field.getKey() + " is sent 2 times");
            assertThat(stored(id)).as(field.getKey()).isZero();
        }
        // a correlation id that a gateway adds beside the client's is not refused: the answer carries one new id
        String id = unique("D");
        byte[] body = department(id).getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer correlated = raw().send("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nX-API-Key: "
                + HIS + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + "X-Correlation-Id: first\r\nX-Correlation-Id: second", body);
        assertThat(correlated.status()).isEqualTo(202);
        assertThat(correlated.header("X-Correlation-Id")).isNotBlank().doesNotContain("first", "second", ",");
        assertThat(stored(id)).isOne();
        // a content coding in a second field is read too
        id = unique("D");
        body = department(id).getBytes(StandardCharsets.UTF_8);
        raw().send("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nX-API-Key: " + HIS + "\r\nContent-Type: "
                + "application/json\r\nContent-Length: " + body.length + "\r\nContent-Encoding: identity\r\n"
                + "Content-Encoding: gzip", body).requireProblem(415);
        assertThat(stored(id)).isZero();
    }

    /**
     * JSON between systems is UTF-8: a body declared in another charset (a HIS sending GBK) is a 415 naming UTF-8,
     * not bytes read as UTF-8 and stored as other characters. Declared UTF-8, in any spelling, it is read as sent.
     */
    @Test
    void aJsonBodyDeclaredInAnotherCharsetIs415AndNothingIsStored() throws SQLException {
        for (String charset : new String[] {"GBK", "GB18030", "\"gbk\"", "ISO-8859-1"}) {
            String id = unique("D");
            String name = charset.equals("ISO-8859-1") ? "Cardiología" : "心内科";
            byte[] body = envelope("HIS", id, "CREATE", "{\"code\": \"D-9\", \"name\": \"" + name + "\"}")
                    .getBytes(Charset.forName(charset.replace("\"", "")));
            RawHttp.Answer answer = raw().send("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nX-API-Key: "
                    + HIS + "\r\nContent-Type: application/json; charset=" + charset + "\r\nContent-Length: "
                    + body.length, body);
            assertThat(answer.requireProblem(415).path("detail").asText()).as(charset).contains("UTF-8");
            assertThat(stored(id)).as(charset).isZero();
        }
        for (String charset : new String[] {"utf-8", "UTF-8", "\"utf-8\"", "utf8"}) {
            String id = unique("D");
            byte[] body = envelope("HIS", id, "CREATE", "{\"code\": \"D-9\", \"name\": \"心内科\"}")
                    .getBytes(StandardCharsets.UTF_8);
            RawHttp.Answer answer = raw().send("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nX-API-Key: "
                    + HIS + "\r\nContent-Type: application/json; charset=" + charset + "\r\nContent-Length: "
                    + body.length, body);
            assertThat(answer.status()).as(charset).isEqualTo(202);
            assertThat(payloadField(id, "name")).as(charset).isEqualTo("心内科");
        }
        // where no body is read, a client's default Content-Type does not matter
        assertThat(raw().send("GET /api/v1/interfaces HTTP/1.1\r\nX-API-Key: " + HIS + "\r\nContent-Type: "
                + "application/json; charset=ISO-8859-1", new byte[0]).status()).isEqualTo(200);
    }

    /** Broken chunk framing is the partner's fault: no ERROR and no stack trace in the log, whatever it sends. */
    @Test
    void brokenChunkFramingLogsNoError() throws IOException {
        try (LogCapture logs = LogCapture.start()) {
            for (String chunks : new String[] {"80000001\r\n{}\r\n0\r\n\r\n", "2\r\n{}XX0\r\n\r\n",
                    "zz\r\n{}\r\n0\r\n\r\n"}) {
                try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
                    socket.setSoTimeout(20_000);
                    socket.getOutputStream().write(("POST /api/v1/interfaces/departments/records HTTP/1.1\r\nHost: x\r\n"
                            + "X-API-Key: " + HIS + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                            + "\r\n\r\n" + chunks).getBytes(StandardCharsets.US_ASCII));
                    String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(answer).as(chunks).satisfiesAnyOf(a -> assertThat(a).isEmpty(),
                            a -> assertThat(a).startsWith("HTTP/1.1 400"));
                }
            }
            assertThat(logs.errorsOrStackTraces()).isEmpty();
        }
    }

    /** An empty chunked body is answered as an empty announced one is (it hung until the idle timeout). */
    @Test
    void anEmptyChunkedBodyIs400LikeAnEmptyAnnouncedOne() {
        for (String path : new String[] {"records", "records/batch"}) {
            RawHttp.Answer answer = raw().sendChunked("POST /api/v1/interfaces/departments/" + path + " HTTP/1.1\r\n"
                    + "X-API-Key: " + HIS + "\r\nContent-Type: application/json", new byte[0], 16);
            answer.requireProblem(400);
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() throws SQLException {
        String id = unique("D");
        RawHttp.Answer answer = raw().sendChunked("POST /api/v1/interfaces/departments/records HTTP/1.1\r\n"
                + "X-API-Key: " + HIS + "\r\nContent-Type: application/json",
                department(id).getBytes(StandardCharsets.UTF_8), 7);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(stored(id)).isOne();
    }

    @Test
    void aMalformedEscapeInThePathIs400Problem() {
        RawHttp.Answer answer = raw().send("GET /api/v1/interfaces/%ZZ/records/D-1/receipts HTTP/1.1\r\n"
                + "X-API-Key: " + HIS + "\r\nX-Correlation-Id: partner-trace-0002", new byte[0]);
        assertThat(answer.requireProblem(400).path("correlationId").asText()).isEqualTo("partner-trace-0002");
        assertThat(answer.header("X-Correlation-Id")).isEqualTo("partner-trace-0002");
    }

    @Test
    void anOverlongUrlIs414Problem() {
        raw().send("GET /api/v1/receipts/" + "a".repeat(12_000) + " HTTP/1.1\r\nX-API-Key: " + HIS,
                new byte[0]).requireProblem(414);
    }

    @Test
    void anOverlargeHeaderIs431Problem() {
        raw().send("GET /api/v1/interfaces HTTP/1.1\r\nX-API-Key: " + HIS + "\r\nX-Filler: "
                + "f".repeat(40_000), new byte[0]).requireProblem(431);
    }

    @Test
    void matrixParametersAreRefused() throws SQLException {
        String id = unique("D");
        given().urlEncodingEnabled(false).header("X-API-Key", HIS).contentType(ContentType.JSON).body(department(id))
                .when().post("/api/v1/interfaces/departments;x=1/records")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(";"));
        assertThat(stored(id)).isZero();
        given().urlEncodingEnabled(false).header("X-API-Key", HIS).when().get("/api/v1/interfaces/departments/records/D-1;v=2/receipts")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anExternalIdMustBeVisibleText() throws SQLException {
        // written as JSON escapes: U+200B, U+200B U+FEFF, U+2028 inside, U+0085 (NEL) inside, U+009F
        for (String invisible : new String[] {"\\u200B", "\\u200B\\uFEFF", "D-\\u2028-1", "D-\\u0085-1", "D\\u009F"}) {
            post(HIS, "departments", envelope("HIS", invisible, "CREATE", "{\"code\": \"D-1\", \"name\": \"A\"}"))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem("externalId"))
                    .body("errors.find { it.field == 'externalId' }.code", equalTo("invalid_format"));
        }
        // a lone line separator is blank text: required
        post(HIS, "departments", envelope("HIS", "\\u2028", "CREATE", "{\"code\": \"D-1\", \"name\": \"A\"}"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'externalId' }.code", equalTo("required"));
        String chinese = "科室-01-" + unique("x");
        post(HIS, "departments", envelope("HIS", chinese, "CREATE", "{\"code\": \"D-CN-1\", \"name\": \"心内科\"}"))
                .then().statusCode(202).body("externalId", equalTo(chinese));
        assertThat(stored(chinese)).isOne();
    }

    static RawHttp raw() {
        return RawHttp.to(RestAssured.port);
    }

    static String department(String id) {
        return envelope("HIS", id, "CREATE", "{\"code\": \"D-9\", \"name\": \"Cardiology\"}");
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
