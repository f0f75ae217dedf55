package org.integrationhub.common.interfaces;

import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.InterfaceDeclaration;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.Reference;

/** Employees: staff, each in one department. */
public final class Employees implements InterfaceDeclaration {

    @Override
    public InterfaceDefinition definition() {
        return InterfaceDefinition.named("employees")
                .describedAs("Staff, each in one department")
                .records("employee")
                .example("""
                        {"sourceSystem": "HIS", "externalId": "E-2001", "operation": "CREATE",
                         "sentAt": "2026-11-26T08:05:00+08:00", "messageId": "HIS-E-2001-1",
                         "data": {"code": "E-2001", "name": "Li Wei", "departmentCode": "D-100", "title": "Attending physician",
                                  "email": "li.wei@hospital.example", "phone": "+86 10 5555 0101", "hireDate": "2019-07-01"}}""")
                .field(FieldSpec.code("code", "The employee's code (staff number), unique among active employees").mandatory())
                .field(FieldSpec.text("name", 100, "Full name").mandatory())
                .field(FieldSpec.code("departmentCode", "Code of the employee's department")
                        .referencing(Reference.to("departments")).mandatory())
                .field(FieldSpec.text("title", 100, "Job title"))
                .field(FieldSpec.email("email", "Work e-mail address"))
                .field(FieldSpec.phone("phone", "Work telephone number"))
                .field(FieldSpec.date("hireDate", "Date of hire, yyyy-MM-dd"))
                .filters("departmentCode")
                .build();
    }
}
