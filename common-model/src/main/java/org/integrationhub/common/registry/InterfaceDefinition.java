package org.integrationhub.common.registry;

import java.util.List;
import java.util.Optional;

/**
 * One interface partners push records through: its name in the URL, its staging table and the
 * fields of its {@code data}. Every record is identified in business data by its {@code code}.
 *
 * @param name         the path segment, e.g. {@code departments}
 * @param stagingTable  the partition of {@code staging_record} that holds its raw records
 * @param businessTable the table its records are applied to, where references are looked up
 * @param description  what the interface carries
 * @param fields       the fields of {@code data}
 */
public record InterfaceDefinition(String name, String stagingTable, String businessTable, String description,
                                  List<FieldSpec> fields) {

    public InterfaceDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }
}
