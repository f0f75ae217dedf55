package org.integrationhub.common.registry;

import java.util.List;
import java.util.Optional;

/**
 * One interface partners push records through: its name in the URL, its staging table and the
 * fields of its {@code data}. Every record is identified in business data by its {@code code}.
 *
 * @param name          the path segment, e.g. {@code departments}
 * @param stagingTable  the partition of {@code staging_record} that holds its raw records
 * @param businessTable the table its records are applied to
 * @param description   what the interface carries
 * @param example       a valid envelope, for the OpenAPI document and the docs
 * @param fields        the fields of {@code data}
 */
public record InterfaceDefinition(String name, String stagingTable, String businessTable, String description,
                                  String example, List<FieldSpec> fields) {

    public InterfaceDefinition {
        fields = List.copyOf(fields);
    }

    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The top-level fields that name other records. */
    public List<FieldSpec> referenceFields() {
        return fields.stream().filter(f -> f.references() != null).toList();
    }
}
