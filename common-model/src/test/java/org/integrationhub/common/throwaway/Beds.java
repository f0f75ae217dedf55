package org.integrationhub.common.throwaway;

import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDeclaration;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.Reference;

import java.util.List;

/**
 * A throwaway interface that exists only in the tests, to prove that a simple interface takes one migration
 * ({@code db/throwaway/V1000__throwaway_beds.sql}, which the services migrate in their tests only) and this declaration, listed in the test sources'
 * {@code META-INF/services} file, and nothing else: the intake and the processor serve it with no other code.
 */
public final class Beds implements InterfaceDeclaration {

    @Override
    public InterfaceDefinition definition() {
        return InterfaceDefinition.named("beds")
                .describedAs("Hospital beds, each in one department")
                .records("bed")
                .example("""
                        {"sourceSystem": "HIS", "externalId": "B-1", "operation": "CREATE",
                         "sentAt": "2026-11-26T08:00:00+08:00",
                         "data": {"code": "B-1", "name": "Bed 1", "departmentCode": "D-100", "kind": "ICU"}}""")
                .field(FieldSpec.code("code", "The bed's code").mandatory())
                .field(FieldSpec.text("name", 100, "Display name").mandatory())
                .field(FieldSpec.code("departmentCode", "The department the bed is in")
                        .referencing(Reference.to("departments")).mandatory())
                .field(FieldSpec.oneOf("kind", List.of("STANDARD", "ICU", "ISOLATION"), "What the bed is for"))
                .field(FieldSpec.date("commissionedOn", "When it entered service"))
                .filters("departmentCode", "kind")
                .build();
    }
}
