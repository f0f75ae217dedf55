package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.envelope;
import static org.integrationhub.intake.IntakeFixture.stored;
import static org.integrationhub.intake.IntakeFixture.unique;

/** Twenty partners' retries racing with one idempotency key store one row and answer one receipt. */
@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class IdempotencyConcurrencyTest {

    @Test
    void twentyParallelPostsWithOneKeyStoreExactlyOneRow() throws Exception {
        String id = unique("D");
        String body = envelope("HIS", id, "CREATE", "{\"code\":\"" + id + "\",\"name\":\"Racing\"}");
        int parallel = 20;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            answers.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return given().header("X-API-Key", HIS).header("Idempotency-Key", "race-" + id)
                        .contentType(ContentType.JSON).body(body)
                        .when().post("/api/v1/interfaces/departments/records")
                        .then().statusCode(202).extract().path("receiptId");
            }));
        }
        Set<String> receipts = new HashSet<>();
        for (Future<String> answer : answers) {
            receipts.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(receipts).hasSize(1);
        assertThat(stored(id)).isOne();
    }
}
