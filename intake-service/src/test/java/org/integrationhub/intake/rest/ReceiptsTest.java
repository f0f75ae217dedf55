package org.integrationhub.intake.rest;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.integrationhub.devsupport.PostgresTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.integrationhub.intake.IntakeFixture.ERP;
import static org.integrationhub.intake.IntakeFixture.HIS;
import static org.integrationhub.intake.IntakeFixture.post;
import static org.integrationhub.intake.IntakeFixture.unique;

@QuarkusTest
@WithTestResource(value = PostgresTestResource.class, scope = TestResourceScope.GLOBAL)
class ReceiptsTest {

    static String sentAt(String id, String sentAt, String name) {
        return """
                {"sourceSystem": "HIS", "externalId": "%s", "operation": "CREATE", "sentAt": "%s",
                 "data": {"code": "%s", "name": "%s"}}""".formatted(id, sentAt, id, name);
    }

    @Test
    void aRecordsReceiptsComeNewestFirst() {
        String id = unique("D");
        String older = post(HIS, "departments", sentAt(id, "2026-11-26T08:00:00Z", "First"))
                .then().statusCode(202).extract().path("receiptId");
        String newer = post(HIS, "departments", sentAt(id, "2026-11-26T09:00:00Z", "Second"))
                .then().statusCode(202).extract().path("receiptId");
        String middle = post(HIS, "departments", sentAt(id, "2026-11-26T08:30:00Z", "Late arrival"))
                .then().statusCode(202).extract().path("receiptId");

        given().header("X-API-Key", HIS).when().get("/api/v1/interfaces/departments/records/" + id + "/receipts")
                .then().statusCode(200)
                .body("receiptId", contains(newer, middle, older))
                .body("[0].status", equalTo("PENDING"));
    }

    @Test
    void anotherSourceSystemSeesNone() {
        String id = unique("D");
        post(HIS, "departments", sentAt(id, "2026-11-26T08:00:00Z", "Mine")).then().statusCode(202);
        given().header("X-API-Key", ERP).when().get("/api/v1/interfaces/partners/records/" + id + "/receipts")
                .then().statusCode(200).body("$", empty());
        given().header("X-API-Key", ERP).when().get("/api/v1/interfaces/departments/records/" + id + "/receipts")
                .then().statusCode(403);
    }
}
