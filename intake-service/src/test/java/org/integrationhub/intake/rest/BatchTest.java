package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.payloadField;
import static org.integrationhub.intake.IntakeFixture.postBatch;
import static org.integrationhub.intake.IntakeFixture.refused;
import static org.integrationhub.intake.IntakeFixture.rejectedInBatch;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class BatchTest {

    static String dept(String code, String parent) {
        return envelope("HIS", code, "CREATE", parent == null
                ? "{\"code\":\"%s\",\"name\":\"Dept %s\"}".formatted(code, code)
                : "{\"code\":\"%s\",\"name\":\"Dept %s\",\"parentCode\":\"%s\"}".formatted(code, code, parent));
    }

    static String batch(List<String> records) {
        return "{\"records\": [" + String.join(",", records) + "]}";
    }

    @Test
    void eachRecordIsAcceptedOrRejectedOnItsOwn() throws SQLException {
        String good = unique("D");
        String bad = unique("D");
        String body = batch(List.of(dept(good, null),
                envelope("HIS", bad, "CREATE", "{\"code\":\"" + bad + "\"}")));
        postBatch(HIS, "departments", body).then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("results", hasSize(2))
                .body("results[0].index", equalTo(0))
                .body("results[0].receiptId", notNullValue())
                .body("results[0].status", equalTo("PENDING"))
                .body("results[0].errors", nullValue())
                .body("results[1].index", equalTo(1))
                .body("results[1].status", equalTo("REJECTED"))
                .body("results[1].receiptId", nullValue())
                .body("results[1].errors[0].field", equalTo("records[1].data.name"))
                .body("results[1].errors[0].code", equalTo("required"));
        assertThat(stored(good)).isOne();
        assertThat(payloadField(good, "name")).as("payload stored as the data object").isEqualTo("Dept " + good);
        assertThat(stored(bad)).isZero();
    }

    @Test
    void aChildMayNameAParentSentInTheSameBatchInAnyOrder() throws SQLException {
        String parent = unique("P");
        String child = unique("C");
        String grandchild = unique("G");
        String body = batch(List.of(dept(grandchild, child), dept(child, parent), dept(parent, null)));
        postBatch(HIS, "departments", body).then().statusCode(200)
                .body("accepted", equalTo(3)).body("rejected", equalTo(0));
        assertThat(stored(parent) + stored(child) + stored(grandchild)).isEqualTo(3);
    }

    @Test
    void aRejectedParentTakesItsChildrenWithIt() throws SQLException {
        String parent = unique("P");
        String child = unique("C");
        String brokenParent = envelope("HIS", parent, "CREATE", "{\"code\":\"" + parent + "\",\"name\":\"\"}");
        String body = batch(List.of(brokenParent, dept(child, parent)));
        rejectedInBatch(postBatch(HIS, "departments", body).then().statusCode(200).body("accepted", equalTo(0)),
                1, child, "records[1].data.parentCode", "unknown_reference");
    }

    @Test
    void aThousandRecordsAreAcceptedAndOneMoreIs400() throws SQLException {
        String prefix = unique("B");
        List<String> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            records.add(dept(prefix + "-" + i, null));
        }
        postBatch(HIS, "departments", batch(records)).then().statusCode(200).body("accepted", equalTo(1000));
        assertThat(stored(prefix + "-999")).isOne();

        records.add(dept(prefix + "-1000", null));
        refused(postBatch(HIS, "departments", batch(records)), prefix + "-1000", 400, "records", "too_long");
    }

    @Test
    void aBatchNeedsRecords() {
        postBatch(HIS, "departments", "{\"records\": []}").then().statusCode(400)
                .body("errors[0].field", equalTo("records"));
        postBatch(HIS, "departments", "{\"rows\": []}").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("rows", "records"));
        postBatch(HIS, "departments", "[]").then().statusCode(400);
    }

    @Test
    void aRecordForAnotherSourceSystemIsRejectedAlone() throws SQLException {
        String mine = unique("D");
        String theirs = unique("D");
        String body = batch(List.of(dept(mine, null), dept(theirs, null).replace("\"HIS\"", "\"ERP\"")));
        rejectedInBatch(postBatch(HIS, "departments", body).then().statusCode(200).body("accepted", equalTo(1)),
                1, theirs, "records[1].sourceSystem", "not_allowed");
    }

    @Test
    void messageIdsMakeABatchReplaySafe() throws SQLException {
        String a = unique("D");
        String b = unique("D");
        String first = dept(a, null).replace("\"operation\"", "\"messageId\": \"" + a + "\", \"operation\"");
        String second = dept(b, null).replace("\"operation\"", "\"messageId\": \"" + b + "\", \"operation\"");
        String receipt = postBatch(HIS, "departments", batch(List.of(first, second))).then().statusCode(200)
                .body("accepted", equalTo(2)).extract().path("results[0].receiptId");
        // the same batch again: the same receipts, nothing new stored
        postBatch(HIS, "departments", batch(List.of(first, second))).then().statusCode(200)
                .body("accepted", equalTo(2))
                .body("results[0].receiptId", equalTo(receipt));
        // a reused key with another body is rejected
        postBatch(HIS, "departments", batch(List.of(first.replace("Dept " + a, "Renamed")))).then().statusCode(200)
                .body("rejected", equalTo(1))
                .body("results[0].errors[0].field", equalTo("records[0].messageId"))
                .body("results[0].errors[0].code", equalTo("not_allowed"));
        assertThat(stored(a)).isOne();
        assertThat(stored(b)).isOne();
    }
}
