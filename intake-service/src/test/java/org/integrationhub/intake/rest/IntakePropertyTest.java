package org.integrationhub.intake.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.integrationhub.devsupport.PostgresTestResource;
import org.integrationhub.intake.property.Expect;
import org.integrationhub.intake.property.IntakeCases;
import org.integrationhub.intake.property.IntakeCases.World;
import org.integrationhub.intake.property.PropertyRunner;
import org.integrationhub.intake.property.RequestCase;
import org.integrationhub.intake.property.RequestCase.Built;
import org.integrationhub.intake.property.RequestCase.HttpCall;
import org.integrationhub.intake.property.Texts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.intake.IntakeFixture.activeDepartment;
import static org.integrationhub.intake.IntakeFixture.partner;
import static org.integrationhub.intake.IntakeFixture.unique;

/**
 * The intake's answer to any request, generated: envelopes and batches with random text (controls, NUL, lone
 * and paired surrogates), huge numbers, deep nesting, odd instants, unknown fields and wrong types, about half
 * of them valid. For every request: never a 5xx; every 4xx is problem+json and a 400 or 422 names a field;
 * a refused record stores nothing; an accepted one reads back exactly (sentAt as the same instant, the stored
 * payload as the same JSON as the data sent); a valid record is accepted and a record breaking a rule refused.
 *
 * <p>A failure shows the smallest request that still fails and the seed; {@code -Dproperty.seed=} reruns a
 * seed, {@code -Dproperty.tries=} and {@code -Dproperty.seconds=} run more. See {@link PropertyRunner} for why
 * this is not jqwik.
 */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class IntakePropertyTest {

    /** The committed run's seed: the same requests on every build, so a red build is reproducible. */
    static final long SEED = 20_261_126L;
    /** Enough to meet every family of fault several times; about 20 s on a quiet machine. */
    static final int TRIES = 250;
    /** No try starts after this long, so a loaded machine checks fewer requests rather than taking minutes. */
    static final int SECONDS = 35;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig BYTES_AS_SENT = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    private final AtomicLong tokens = new AtomicLong();
    private Connection db;
    private int records;
    private int accepted;

    @Test
    void everyRequestIsAnsweredAsTheContractSays() throws SQLException {
        World world = new World(unique("PD"), unique("PC"), unique("PE"), unique("PP"), unique("PA"));
        activeDepartment(world.department());
        partner("HIS", world.hisCompany(), "COMPANY", true);
        partner("ERP", world.erpCompany(), "COMPANY", true);
        partner("HIS", world.hisPerson(), "PERSON", true);
        partner("HIS", world.archivedHisCompany(), "COMPANY", false);
        long seed = Long.getLong("property.seed", SEED);
        int tries = Integer.getInteger("property.tries", TRIES);
        Duration budget = Duration.ofSeconds(Integer.getInteger("property.seconds", SECONDS));
        IntakeCases cases = new IntakeCases(world);
        int checked;
        try (Connection connection = PostgresTestResource.connect()) {
            db = connection;
            checked = new PropertyRunner<RequestCase>("the intake answers every request as the contract says", seed,
                    tries, budget, Duration.ofSeconds(30), request -> request.describe(this::token, Instant.now()))
                    .check(cases.requests(), this::check, cases::shrink);
        }
        System.out.printf("IntakePropertyTest: seed %d, %d of %d requests, %d records, %d accepted%n",
                seed, checked, tries, records, accepted);
        // the generator must keep exercising "an accepted record reads back exactly"
        assertThat(accepted).as("accepted records of %d", records).isGreaterThan(records / 4);
    }

    private String token() {
        return String.format("Q%06dX", tokens.incrementAndGet());
    }

    /** Null when the intake answered the request as the contract says, else what went wrong. */
    private String check(RequestCase request) {
        try {
            Built built = request.build(this::token, Instant.now());
            long before = rows();
            Response response = send(built.call());
            int status = response.statusCode();
            if (status >= 500) {
                return "answered " + status + ": " + response.asString();
            }
            records += built.sent().size();
            if (status >= 400) {
                return refused(built, response, before);
            }
            if (built.whole() == Expect.INVALID) {
                return "answered " + status + " to a request that must be refused: " + response.asString();
            }
            String failure = request.batch() ? batch(built, response) : single(built, response);
            if (failure == null) {
                failure = storedExactly(before, request.batch() ? JSON.readTree(response.asString()).path("accepted")
                        .asLong() : 1);
            }
            if (failure == null && built.call().idempotencyKey() != null) {
                failure = replay(built, response, request.batch());
            }
            return failure;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String refused(Built built, Response response, long before) throws SQLException, IOException {
        long stored = rows() - before;
        if (stored != 0) {
            return "refused with " + response.statusCode() + " but stored " + stored + " rows";
        }
        String problem = problem(response, response.statusCode(), built.malformed());
        if (problem != null) {
            return problem;
        }
        if (built.whole() == Expect.VALID) {
            return "refused a request that must be answered, with " + response.statusCode() + ": "
                    + Texts.show(response.asString());
        }
        return null;
    }

    private String single(Built built, Response response) throws SQLException {
        if (response.statusCode() != 202) {
            return "answered " + response.statusCode() + " to one record: " + response.asString();
        }
        accepted++;
        if (built.expects().get(0) == Expect.INVALID) {
            return "accepted a record that breaks a rule: " + response.asString();
        }
        String failure = readsBack(built.sent().get(0), response.path("receiptId"), built.call().key());
        if (failure == null && storedFor(built.tokens().get(0)) != 1) {
            failure = "stored " + storedFor(built.tokens().get(0)) + " rows for one record";
        }
        return failure;
    }

    private String batch(Built built, Response response) throws SQLException, IOException {
        if (response.statusCode() != 200) {
            return "answered " + response.statusCode() + " to a batch: " + response.asString();
        }
        JsonNode answer = JSON.readTree(response.asString());
        JsonNode results = answer.path("results");
        int count = built.sent().size();
        if (results.size() != count) {
            return "answered " + results.size() + " results for " + count + " records";
        }
        int acceptedHere = 0;
        for (int i = 0; i < count; i++) {
            JsonNode result = results.get(i);
            String receiptId = result.path("receiptId").asText(null);
            String at = "records[" + i + "]";
            if (result.path("index").asInt(-1) != i) {
                return "results[" + i + "] has index " + result.path("index");
            }
            if (receiptId != null) {
                acceptedHere++;
                if (built.expects().get(i) == Expect.INVALID) {
                    return "accepted " + at + ", which breaks a rule: " + result;
                }
                String failure = readsBack(built.sent().get(i), receiptId, built.call().key());
                if (failure != null) {
                    return at + ": " + failure;
                }
            } else {
                if (!"REJECTED".equals(result.path("status").asText()) || !namesAField(result.path("errors"), at)) {
                    return at + " has neither a receipt nor errors naming a field under " + at + ": " + result;
                }
                if (built.expects().get(i) == Expect.VALID) {
                    return "rejected " + at + ", which keeps every rule: " + result;
                }
                if (storedFor(built.tokens().get(i)) != 0) {
                    return "rejected " + at + " but stored it";
                }
            }
        }
        accepted += acceptedHere;
        if (answer.path("accepted").asInt(-1) != acceptedHere || answer.path("rejected").asInt(-1) != count - acceptedHere) {
            return "counts accepted " + answer.path("accepted") + ", rejected " + answer.path("rejected")
                    + " do not match the " + acceptedHere + " receipts of " + count + " results";
        }
        return null;
    }

    /** The same request under the same Idempotency-Key answers the same and stores nothing new. */
    private String replay(Built built, Response first, boolean batch) throws SQLException {
        long before = rows();
        Response again = send(built.call());
        if (again.statusCode() != first.statusCode()) {
            return "replay answered " + again.statusCode() + " after " + first.statusCode() + ": " + again.asString();
        }
        if (batch ? !again.asString().equals(first.asString())
                : !first.path("receiptId").equals(again.path("receiptId"))) {
            return "replay answered " + again.asString() + " instead of " + first.asString();
        }
        long stored = rows() - before;
        return stored == 0 ? null : "replay stored " + stored + " more rows";
    }

    /** The stored row and the receipt hold exactly what was sent. */
    private String readsBack(JsonNode sent, String receiptId, String key) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                SELECT external_id, source_system, operation, sent_at, payload::text
                  FROM staging_record WHERE receipt_id = ?::uuid""")) {
            s.setString(1, receiptId);
            ResultSet row = s.executeQuery();
            if (!row.next()) {
                return "no staging row for receipt " + receiptId;
            }
            Instant sentAt = OffsetDateTime.parse(sent.path("sentAt").textValue()).toInstant();
            JsonNode data = sent.path("data").isObject() ? sent.path("data") : JSON.createObjectNode();
            JsonNode payload = JSON.readTree(row.getString(5));
            if (!payload.equals(data)) {
                return "stored payload " + Texts.show(payload.toString()) + " is not the data sent "
                        + Texts.show(data.toString());
            }
            if (!row.getString(1).equals(sent.path("externalId").textValue())) {
                return "stored externalId " + Texts.show(row.getString(1)) + " is not "
                        + Texts.show(sent.path("externalId").textValue());
            }
            if (!row.getString(2).equals(sent.path("sourceSystem").textValue())
                    || !row.getString(3).equals(sent.path("operation").textValue())) {
                return "stored " + row.getString(2) + "/" + row.getString(3) + " for " + sent.path("sourceSystem")
                        + "/" + sent.path("operation");
            }
            Instant stored = row.getObject(4, OffsetDateTime.class).toInstant();
            if (!stored.equals(sentAt)) {
                return "stored sent_at " + stored + " is not the sentAt sent, " + sentAt;
            }
        } catch (IOException e) {
            return "stored payload is not JSON: " + e.getMessage();
        }
        Response receipt = given().header("X-API-Key", key).get("/api/v1/receipts/" + receiptId);
        if (receipt.statusCode() != 200) {
            return "GET receipt " + receiptId + " answered " + receipt.statusCode();
        }
        Instant read = OffsetDateTime.parse(receipt.<String>path("sentAt")).toInstant();
        Instant sentAt = OffsetDateTime.parse(sent.path("sentAt").textValue()).toInstant();
        return read.equals(sentAt) ? null : "receipt reads sentAt " + read + " for " + sentAt + " sent";
    }

    /**
     * Why the answer is not a problem the contract allows, or null. A 400 or 422 names a field, but for a
     * body that is not well-formed JSON, where no field can be named.
     */
    private static String problem(Response response, int status, boolean malformed) throws IOException {
        String contentType = response.contentType();
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "answered " + status + " as " + contentType + ", not application/problem+json: "
                    + Texts.show(response.asString());
        }
        JsonNode problem = JSON.readTree(response.asString());
        if (problem.path("status").asInt() != status || !problem.path("type").isTextual()) {
            return "answered " + status + " with a problem that does not say so: " + response.asString();
        }
        if ((status == 400 || status == 422) && !namesAField(problem.path("errors"), "")
                && !(malformed && problem.path("type").asText().endsWith(":malformed-request"))) {
            return "answered " + status + " without naming a field in errors[]: " + Texts.show(response.asString());
        }
        return null;
    }

    private static boolean namesAField(JsonNode errors, String under) {
        for (JsonNode error : errors) {
            String field = error.path("field").asText("");
            if (!field.isBlank() && field.startsWith(under)) {
                return true;
            }
        }
        return false;
    }

    private static Response send(HttpCall call) {
        RequestSpecification request = given().config(BYTES_AS_SENT).contentType(call.contentType()).body(call.body());
        if (call.key() != null) {
            request.header("X-API-Key", call.key());
        }
        if (call.idempotencyKey() != null) {
            request.header("Idempotency-Key", call.idempotencyKey());
        }
        return request.post(call.path());
    }

    private long rows() throws SQLException {
        return count("SELECT count(*) FROM staging_record");
    }

    /** Rows of a record, found by its token wherever it was written: externalId or code. */
    private long storedFor(String token) throws SQLException {
        return count("SELECT count(*) FROM staging_record WHERE strpos(external_id, ?) > 0 OR strpos(payload ->> 'code', ?) > 0",
                token, token);
    }

    /** Nothing but the accepted records was stored. */
    private String storedExactly(long before, long acceptedRecords) throws SQLException {
        long stored = rows() - before;
        return stored == acceptedRecords ? null : "stored " + stored + " rows for " + acceptedRecords + " accepted records";
    }

    private long count(String sql, String... params) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            ResultSet rs = s.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }
}
