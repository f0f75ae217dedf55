package org.integrationhub.intake.repository;

import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.registry.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every reference a declaration makes gets its lookup, in the table and under the condition it declares. */
class ReferenceRepositoryTest {

    @Test
    void everyDeclaredReferenceLooksInItsTableUnderItsCondition() {
        for (InterfaceDefinition d : InterfaceRegistry.all()) {
            for (FieldSpec field : d.referenceFields()) {
                Reference r = field.reference();
                String sql = ReferenceRepository.statement(r);
                assertThat(sql).as("%s.%s", d.name(), field.name()).containsPattern("FROM " + r.table() + "\\s");
                if (r.toInterface()) {
                    assertThat(sql).as("%s.%s also looks among staged rows", d.name(), field.name())
                            .contains("FROM staging_record");
                }
                if (r.whereField() != null) {
                    assertThat(sql).contains(r.target().field(r.whereField()).orElseThrow().column() + " = $5");
                }
            }
        }
        Reference company = InterfaceRegistry.get("partners").field("parentCode").orElseThrow().reference();
        assertThat(ReferenceRepository.statement(company)).contains("type = $5");
    }
}
