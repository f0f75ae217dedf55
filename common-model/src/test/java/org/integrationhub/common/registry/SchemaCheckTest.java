package org.integrationhub.common.registry;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What the start-up check tells a developer whose migration does not match the declaration. */
class SchemaCheckTest {

    static final InterfaceDefinition WARDS = InterfaceDefinition.named("wards")
            .describedAs("Hospital wards").records("ward")
            .example("{}")
            .field(FieldSpec.code("code", "Code").mandatory())
            .field(FieldSpec.code("departmentCode", "Department").referencing(Reference.to("departments")))
            .field(FieldSpec.text("beds", 10, "Beds"))
            .build();

    static Map<String, Set<String>> wardColumns(String... extra) {
        Map<String, Set<String>> columns = new HashMap<>();
        java.util.Set<String> ward = new java.util.HashSet<>(SchemaCheck.BOOKKEEPING);
        ward.addAll(List.of("code", "department_id", "active"));
        ward.addAll(List.of(extra));
        columns.put("ward", ward);
        return columns;
    }

    @Test
    void aMatchingDatabaseHasNoProblems() {
        assertThat(SchemaCheck.problems(List.of(WARDS), Map.of("staging_wards", "FOR VALUES IN ('wards')"),
                wardColumns("beds"))).isEmpty();
    }

    @Test
    void eachMissingPieceIsNamedWithWhatToAdd() {
        List<String> problems = SchemaCheck.problems(List.of(WARDS), Map.of(), wardColumns());
        assertThat(problems).containsExactly(
                "wards: no staging partition; CREATE TABLE staging_wards PARTITION OF staging_record FOR VALUES IN ('wards');",
                "wards: the business table ward lacks the columns [beds]");
        assertThat(SchemaCheck.problems(List.of(WARDS), Map.of("staging_wards", "FOR VALUES IN ('departments')"),
                Map.of())).containsExactly(
                "wards: no staging partition; CREATE TABLE staging_wards PARTITION OF staging_record FOR VALUES IN ('wards');",
                "wards: no business table ward");
    }
}
