package org.integrationhub.common.registry;

/**
 * A valid envelope per interface, as compile-time constants so the OpenAPI annotations can show them;
 * the registry and the docs use the same ones.
 */
public final class Examples {

    public static final String DEPARTMENT = """
            {"sourceSystem": "HIS", "externalId": "D-100", "operation": "CREATE",
             "sentAt": "2026-11-26T08:00:00+08:00", "messageId": "HIS-D-100-1",
             "data": {"code": "D-100", "name": "Cardiology", "costCenter": "CC-100"}}""";

    public static final String EMPLOYEE = """
            {"sourceSystem": "HIS", "externalId": "E-2001", "operation": "CREATE",
             "sentAt": "2026-11-26T08:05:00+08:00", "messageId": "HIS-E-2001-1",
             "data": {"code": "E-2001", "name": "Li Wei", "departmentCode": "D-100", "title": "Attending physician",
                      "email": "li.wei@hospital.example", "phone": "+86 10 5555 0101", "hireDate": "2019-07-01"}}""";

    public static final String PARTNER = """
            {"sourceSystem": "ERP", "externalId": "P-3001", "operation": "CREATE",
             "sentAt": "2026-11-26T08:10:00+08:00", "messageId": "ERP-P-3001-1",
             "data": {"code": "P-3001", "name": "Huaxia Medical Supplies Co., Ltd.", "type": "COMPANY",
                      "categoryCode": "SUPPLIER", "taxId": "91350100M000100Y43", "email": "sales@huaxia.example",
                      "phone": "+86 591 8888 0000",
                      "address": {"line1": "88 Wusi Road", "city": "Fuzhou", "province": "Fujian",
                                  "postalCode": "350001", "countryCode": "CN"}}}""";

    private Examples() {
    }
}
