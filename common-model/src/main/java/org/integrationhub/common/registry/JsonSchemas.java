package org.integrationhub.common.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.integrationhub.common.validation.Json;

import java.util.List;

/** Publishes an interface's {@code data} rules as JSON Schema (draft 2020-12), from the same {@link FieldSpec}s the intake validates with. */
public final class JsonSchemas {

    private JsonSchemas() {
    }

    public static ObjectNode dataSchema(InterfaceDefinition definition) {
        ObjectNode schema = object(definition.fields());
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("title", definition.name() + " data");
        schema.put("description", definition.description());
        return schema;
    }

    /**
     * A business record of the interface as the read API shows it: the fields of its data (a reference as the
     * referenced record's code, any of them null when not sent) and the bookkeeping every record has.
     */
    public static ObjectNode recordSchema(InterfaceDefinition definition) {
        ObjectNode schema = object(definition.fields());
        schema.remove("required");
        schema.put("description", "A " + definition.recordLabel() + " the processor applied (interface "
                + definition.name() + ")");
        ObjectNode properties = (ObjectNode) schema.get("properties");
        properties.set("sourceSystem", text("The partner system that sent it", null));
        properties.set("externalId", text("Its id in that system", null));
        properties.set("lastSentAt", text("sentAt of the last change applied: older rows are skipped", "date-time"));
        properties.set("lastReceiptId", text("The receipt of the last change applied", "uuid"));
        properties.set("createdAt", text("When the hub created it", "date-time"));
        properties.set("updatedAt", text("When the hub last changed it", "date-time"));
        schema.putArray("required").add("code").add("active").add("sourceSystem").add("externalId");
        return schema;
    }

    private static ObjectNode text(String description, String format) {
        ObjectNode p = Json.STRICT.createObjectNode().put("type", "string");
        if (format != null) {
            p.put("format", format);
        }
        return p.put("description", description);
    }

    private static ObjectNode object(List<FieldSpec> fields) {
        ObjectNode schema = Json.STRICT.createObjectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = Json.STRICT.createArrayNode();
        for (FieldSpec field : fields) {
            properties.set(field.name(), property(field));
            if (field.required()) {
                required.add(field.name());
            }
        }
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode property(FieldSpec field) {
        ObjectNode p = field.type() == FieldType.OBJECT ? object(field.fields()) : Json.STRICT.createObjectNode();
        switch (field.type()) {
            case BOOLEAN -> p.put("type", "boolean");
            case OBJECT -> { }
            case CODE -> p.put("type", "string").put("pattern", "^[A-Za-z0-9_-]{1,32}$").put("maxLength", FieldSpec.CODE_MAX);
            case TEXT, TAX_ID -> p.put("type", "string").put("minLength", 1).put("maxLength", field.maxLength());
            case EMAIL -> p.put("type", "string").put("format", "email").put("maxLength", field.maxLength());
            case PHONE -> p.put("type", "string").put("pattern", "^\\+?[0-9 ()\\-]{3,31}$");
            case DATE -> p.put("type", "string").put("format", "date");
            case COUNTRY -> p.put("type", "string").put("pattern", "^[A-Z]{2}$");
            case ENUM -> {
                p.put("type", "string");
                ArrayNode values = p.putArray("enum");
                field.allowed().forEach(values::add);
            }
        }
        String description = field.description();
        if (field.reference() != null) {
            description += " (names an active " + field.reference().label()
                    + (field.reference().toInterface() ? " your system sent, or one it sent that is still waiting" : "")
                    + ")";
            p.put("x-references", field.reference().label());
        }
        p.put("description", description);
        return p;
    }
}
