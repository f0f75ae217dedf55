package org.integrationhub.common.interfaces;

import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDeclaration;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.Reference;

/** Departments: a tree, each department under its parent (never under itself or its own descendant). */
public final class Departments implements InterfaceDeclaration {

    @Override
    public InterfaceDefinition definition() {
        return InterfaceDefinition.named("departments")
                .describedAs("Organisational units of the hospital or enterprise, as a tree")
                .records("department")
                .example("""
                        {"sourceSystem": "HIS", "externalId": "D-100", "operation": "CREATE",
                         "sentAt": "2026-11-26T08:00:00+08:00", "messageId": "HIS-D-100-1",
                         "data": {"code": "D-100", "name": "Cardiology", "costCenter": "CC-100"}}""")
                .field(FieldSpec.code("code", "The department's code, unique among active departments").mandatory())
                .field(FieldSpec.text("name", 200, "Display name").mandatory())
                .field(FieldSpec.code("parentCode", "Code of the parent department (not itself, no cycles); absent for a root")
                        .referencing(Reference.to("departments")))
                .field(FieldSpec.text("costCenter", 32, "Cost centre the department books to"))
                .filters("parentCode")
                .build();
    }
}
