package org.integrationhub.common.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The interfaces this hub serves. Adding an interface starts here: its definition below, a staging
 * partition in a migration, and an applier in the processor (docs/adding-an-interface.md).
 */
public final class InterfaceRegistry {

    public static final InterfaceDefinition DEPARTMENTS = new InterfaceDefinition(
            "departments", "staging_departments", "department",
            "Organisational units of the hospital or enterprise, as a tree",
            Examples.DEPARTMENT,
            List.of(
                    FieldSpec.code("code", "The department's code, unique among active departments").mandatory(),
                    FieldSpec.text("name", 200, "Display name").mandatory(),
                    FieldSpec.code("parentCode", "Code of the parent department (not itself, no cycles); absent for a root")
                            .referencing(ReferenceKind.DEPARTMENT),
                    FieldSpec.text("costCenter", 32, "Cost centre the department books to"),
                    FieldSpec.bool("active", "false archives the department; defaults to true")));

    public static final InterfaceDefinition EMPLOYEES = new InterfaceDefinition(
            "employees", "staging_employees", "employee",
            "Staff, each in one department",
            Examples.EMPLOYEE,
            List.of(
                    FieldSpec.code("code", "The employee's code (staff number), unique among active employees").mandatory(),
                    FieldSpec.text("name", 100, "Full name").mandatory(),
                    FieldSpec.code("departmentCode", "Code of the employee's department")
                            .referencing(ReferenceKind.DEPARTMENT).mandatory(),
                    FieldSpec.text("title", 100, "Job title"),
                    FieldSpec.email("email", "Work e-mail address"),
                    FieldSpec.phone("phone", "Work telephone number"),
                    FieldSpec.date("hireDate", "Date of hire, yyyy-MM-dd"),
                    FieldSpec.bool("active", "false archives the employee; defaults to true")));

    public static final InterfaceDefinition PARTNERS = new InterfaceDefinition(
            "partners", "staging_partners", "partner",
            "Business partners (the HRP's res.partner): companies and persons; a person whose parent is a "
                    + "company is its contact",
            Examples.PARTNER,
            List.of(
                    FieldSpec.code("code", "The partner's code, unique among active partners").mandatory(),
                    FieldSpec.text("name", 200, "Legal or display name").mandatory(),
                    FieldSpec.oneOf("type", List.of("COMPANY", "PERSON"), "A company, or a person").mandatory(),
                    FieldSpec.code("categoryCode", "Partner category: SUPPLIER, CUSTOMER, INSURER, MANUFACTURER, ...")
                            .referencing(ReferenceKind.PARTNER_CATEGORY).mandatory(),
                    FieldSpec.taxId("taxId", "For a company its unified social credit code (统一社会信用代码, "
                            + "18 characters, check character verified); for a person up to 32 characters"),
                    FieldSpec.code("parentCode", "Code of the company this partner belongs to (a contact's employer)")
                            .referencing(ReferenceKind.COMPANY_PARTNER),
                    FieldSpec.email("email", "E-mail address"),
                    FieldSpec.phone("phone", "Telephone number"),
                    FieldSpec.object("address", List.of(
                            FieldSpec.text("line1", 200, "Street and number"),
                            FieldSpec.text("city", 100, "City"),
                            FieldSpec.text("province", 100, "Province or state"),
                            FieldSpec.text("postalCode", 20, "Postal code"),
                            FieldSpec.country("countryCode", "ISO 3166-1 alpha-2 country code, such as CN")),
                            "Postal address"),
                    FieldSpec.bool("active", "false archives the partner; defaults to true")));

    private static final Map<String, InterfaceDefinition> BY_NAME = new LinkedHashMap<>();

    static {
        for (InterfaceDefinition d : List.of(DEPARTMENTS, EMPLOYEES, PARTNERS)) {
            BY_NAME.put(d.name(), d);
        }
    }

    private InterfaceRegistry() {
    }

    public static Optional<InterfaceDefinition> find(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public static List<InterfaceDefinition> all() {
        return List.copyOf(BY_NAME.values());
    }
}
