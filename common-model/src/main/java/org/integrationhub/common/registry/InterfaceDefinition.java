package org.integrationhub.common.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One interface partners push records through, declared once (see {@link InterfaceDeclaration}): its name in
 * the URL, the fields of its {@code data} with their rules and references, the business table its records
 * are applied to and the column of each field, the filters of its list in the read API, and any rule a table
 * cannot say. Every record is identified in business data by its {@code code}; every interface has an
 * {@code active} field (false archives the record), added by the builder.
 *
 * @param name the path segment, e.g. {@code departments}
 * @param description what the interface carries
 * @param recordLabel how messages name one record: "department"
 * @param businessTable the table its records are applied to
 * @param example a valid envelope, for the OpenAPI document, the interface listing and the docs
 * @param fields the fields of {@code data}, {@code active} last
 * @param filters the fields the read API's list can be filtered by, each a query parameter of the same name
 * @param rules rules the processor checks before it writes a CREATE or UPDATE, beyond what the fields say
 */
public record InterfaceDefinition(String name, String description, String recordLabel, String businessTable,
                                  String example, List<FieldSpec> fields, List<FieldSpec> filters,
                                  List<ApplyRule> rules) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    /** Checks what the declaration says; {@link Builder#build()} is the way to make one. */
    public InterfaceDefinition {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an interface name is lower case letters, digits and '_': " + name);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recordLabel, "records");
        businessTable = Identifiers.check(businessTable);
        Objects.requireNonNull(example, "example");
        fields = List.copyOf(fields);
        filters = List.copyOf(filters);
        rules = List.copyOf(rules);
        FieldSpec code = fields.stream().filter(f -> f.name().equals("code")).findFirst().orElse(null);
        if (code == null || code.type() != FieldType.CODE || !code.required()) {
            throw new IllegalArgumentException(name + ": every interface has a required CODE field named code");
        }
        for (FieldSpec filter : filters) {
            if (!fields.contains(filter) || filter.type() == FieldType.OBJECT) {
                throw new IllegalArgumentException(name + ": filter " + filter.name() + " is not a plain field");
            }
        }
    }

    /** Starts the declaration of the interface {@code name}, the path segment in {@code /interfaces/{name}}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The partition of {@code staging_record} that holds its raw records; its migration creates it. */
    public String stagingTable() {
        return "staging_" + name;
    }

    /** The top-level field called {@code fieldName}. */
    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The top-level fields that name other records. */
    public List<FieldSpec> referenceFields() {
        return fields.stream().filter(f -> f.reference() != null).toList();
    }

    /** The field that names a parent of the same interface, when its records form trees. */
    public Optional<FieldSpec> parentField() {
        return referenceFields().stream().filter(this::selfReference).findFirst();
    }

    /** Whether {@code field} names a record of this same interface (a parent). */
    public boolean selfReference(FieldSpec field) {
        return field.reference() != null && name.equals(field.reference().targetInterface());
    }

    @Override
    public String toString() {
        return "interface " + name;
    }

    /** Declares an interface step by step; {@link #build()} checks it. */
    public static final class Builder {
        private final String name;
        private String description;
        private String recordLabel;
        private String businessTable;
        private String example;
        private final List<FieldSpec> fields = new ArrayList<>();
        private final List<String> filters = new ArrayList<>();
        private final List<ApplyRule> rules = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** What the interface carries, for partners reading the OpenAPI document. */
        public Builder describedAs(String text) {
            description = text;
            return this;
        }

        /**
         * How one record is called in messages ("department"); the business table has the same name in snake
         * case unless {@link #table} says otherwise.
         */
        public Builder records(String label) {
            recordLabel = label;
            return this;
        }

        /** The business table, when it is not named after the record label. */
        public Builder table(String table) {
            businessTable = table;
            return this;
        }

        /** A valid envelope of a CREATE. */
        public Builder example(String envelope) {
            example = envelope;
            return this;
        }

        public Builder field(FieldSpec field) {
            fields.add(field);
            return this;
        }

        /** Fields the read API's list may be filtered by. */
        public Builder filters(String... fieldNames) {
            filters.addAll(List.of(fieldNames));
            return this;
        }

        /** A rule the business table cannot say, checked before each CREATE or UPDATE is written. */
        public Builder rule(ApplyRule rule) {
            rules.add(rule);
            return this;
        }

        /** The definition; the interface gets its {@code active} field here. */
        public InterfaceDefinition build() {
            List<FieldSpec> all = new ArrayList<>(fields);
            all.add(FieldSpec.bool("active", "false archives the " + recordLabel + "; defaults to true"));
            List<FieldSpec> filterFields = new ArrayList<>();
            for (String filter : filters) {
                filterFields.add(all.stream().filter(f -> f.name().equals(filter)).findFirst().orElseThrow(
                        () -> new IllegalArgumentException(name + ": filter " + filter + " is not a field")));
            }
            String table = businessTable != null ? businessTable
                    : Identifiers.snake(Objects.requireNonNull(recordLabel, "records"));
            return new InterfaceDefinition(name, description, recordLabel, table, example, all, filterFields, rules);
        }
    }
}
