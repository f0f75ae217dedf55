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
 * {@code active} field (false archives the record), added here.
 */
public final class InterfaceDefinition {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private final String name;
    private final String description;
    private final String recordLabel;
    private final String businessTable;
    private final String example;
    private final List<FieldSpec> fields;
    private final List<FieldSpec> referenceFields;
    private final List<String> filters;
    private final List<ApplyRule> rules;

    private InterfaceDefinition(Builder b) {
        if (!NAME.matcher(b.name).matches()) {
            throw new IllegalArgumentException("an interface name is lower case letters, digits and '_': " + b.name);
        }
        name = b.name;
        description = Objects.requireNonNull(b.description, "description");
        recordLabel = Objects.requireNonNull(b.recordLabel, "records");
        businessTable = Identifiers.check(b.businessTable != null ? b.businessTable : Identifiers.snake(recordLabel));
        example = Objects.requireNonNull(b.example, "example");
        List<FieldSpec> all = new ArrayList<>(b.fields);
        all.add(FieldSpec.bool("active", "false archives the " + recordLabel + "; defaults to true"));
        fields = List.copyOf(all);
        referenceFields = fields.stream().filter(f -> f.reference() != null).toList();
        filters = List.copyOf(b.filters);
        rules = List.copyOf(b.rules);
        if (field("code").map(f -> f.type() != FieldType.CODE || !f.required()).orElse(true)) {
            throw new IllegalArgumentException(name + ": every interface has a required CODE field named code");
        }
        for (String filter : filters) {
            if (field(filter).map(f -> f.type() == FieldType.OBJECT).orElse(true)) {
                throw new IllegalArgumentException(name + ": filter " + filter + " is not a plain field");
            }
        }
    }

    /** Starts the declaration of the interface {@code name}, the path segment in {@code /interfaces/{name}}. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The path segment, e.g. {@code departments}. */
    public String name() {
        return name;
    }

    /** What the interface carries. */
    public String description() {
        return description;
    }

    /** How messages name one record: "department". */
    public String recordLabel() {
        return recordLabel;
    }

    /** The table its records are applied to. */
    public String businessTable() {
        return businessTable;
    }

    /** The partition of {@code staging_record} that holds its raw records; its migration creates it. */
    public String stagingTable() {
        return "staging_" + name;
    }

    /** A valid envelope, for the OpenAPI document, the interface listing and the docs. */
    public String example() {
        return example;
    }

    /** The fields of {@code data}, {@code active} last. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The top-level field called {@code fieldName}. */
    public Optional<FieldSpec> field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    /** The top-level fields that name other records. */
    public List<FieldSpec> referenceFields() {
        return referenceFields;
    }

    /** The field that names a parent of the same interface, when its records form trees. */
    public Optional<FieldSpec> parentField() {
        return referenceFields.stream().filter(this::selfReference).findFirst();
    }

    /** Whether {@code field} names a record of this same interface (a parent). */
    public boolean selfReference(FieldSpec field) {
        return field.reference() != null && name.equals(field.reference().targetInterface());
    }

    /** The fields the read API's list can be filtered by, each a query parameter of the same name. */
    public List<FieldSpec> filters() {
        return filters.stream().map(f -> field(f).orElseThrow()).toList();
    }

    /** Rules the processor checks before it writes a CREATE or UPDATE, beyond what the fields say. */
    public List<ApplyRule> rules() {
        return rules;
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

        public InterfaceDefinition build() {
            return new InterfaceDefinition(this);
        }
    }
}
