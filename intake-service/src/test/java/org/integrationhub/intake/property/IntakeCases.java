package org.integrationhub.intake.property;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.FieldType;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.validation.UnifiedSocialCreditCode;
import org.integrationhub.intake.property.RecordCase.SentAt;
import org.integrationhub.intake.property.RequestCase.HttpCall;
import org.integrationhub.intake.property.RequestCase.RequestFault;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.integrationhub.intake.property.Gen.weight;

/**
 * Generates requests to the intake: about half of the records keep every rule (so "an accepted record reads
 * back exactly" is exercised), the others carry one to three faults from the catalogue below, each knowing
 * whether the record must then be refused. Valid values and the faults of data fields are derived from the
 * interfaces' field declarations ({@link InterfaceRegistry}), the rules of the contract; the intake's own
 * validation code is not used to decide what is valid.
 */
public final class IntakeCases {

    /** Master data put in place before generating: what valid references name. */
    public record World(String department, String hisCompany, String erpCompany, String hisPerson,
                        String archivedHisCompany) {
        String company(String source) {
            return source.equals("HIS") ? hisCompany : erpCompany;
        }
    }

    public static final String HIS_KEY = "his-dev-key";
    public static final String ERP_KEY = "erp-dev-key";
    static final List<String> CATEGORIES = List.of("SUPPLIER", "CUSTOMER", "INSURER", "MANUFACTURER");
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final World world;
    private int nextId;

    public IntakeCases(World world) {
        this.world = world;
    }

    // ---- requests ----------------------------------------------------------------------------------

    public Gen<RequestCase> requests() {
        return random -> {
            InterfaceDefinition definition = Gen.frequency(weight(45, Gen.constant(InterfaceRegistry.get("departments"))),
                    weight(25, Gen.constant(InterfaceRegistry.get("employees"))),
                    weight(30, Gen.constant(InterfaceRegistry.get("partners")))).next(random);
            boolean erp = definition == InterfaceRegistry.get("partners") && random.nextBoolean();
            String source = erp ? "ERP" : "HIS";
            boolean batch = random.nextInt(10) < 3;
            int size = batch ? random.nextInt(1, 7) : 1;
            List<RecordCase> records = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                RecordCase record = record(definition, source).next(random);
                // a department may name an earlier department of its batch as parent
                if (batch && i > 0 && definition == InterfaceRegistry.get("departments") && random.nextInt(4) == 0
                        && !record.touches("data.parentCode")) {
                    RecordCase parent = records.get(random.nextInt(i));
                    if (parent.parentId() == null) {
                        record = record.withParent(parent.id());
                    }
                }
                records.add(record);
            }
            List<Fault> batchFaults = batch && random.nextInt(100) < 6 ? List.of(batchFault().next(random)) : List.of();
            List<RequestFault> requestFaults = random.nextInt(100) < 7
                    ? List.of(requestFault(definition).next(random)) : List.of();
            return new RequestCase(definition, erp ? ERP_KEY : HIS_KEY, batch, records, batchFaults, requestFaults,
                    random.nextInt(10) < 3, random.nextInt(100) < 15);
        };
    }

    /** Simpler requests: fewer faults, records, fields and odd values; each fails the same way or not. */
    public List<RequestCase> shrink(RequestCase request) {
        List<RequestCase> candidates = new ArrayList<>();
        if (!request.requestFaults().isEmpty()) {
            candidates.add(request.withRequestFaults(List.of()));
        }
        if (!request.batchFaults().isEmpty()) {
            candidates.add(request.withBatchFaults(List.of()));
        }
        List<RecordCase> records = request.records();
        if (request.batch() && records.size() > 1) {
            for (int i = 0; i < records.size(); i++) {
                List<RecordCase> fewer = new ArrayList<>(records);
                fewer.remove(i);
                candidates.add(request.withRecords(fewer));
            }
        }
        for (int i = 0; i < records.size(); i++) {
            for (RecordCase simpler : shrink(records.get(i))) {
                List<RecordCase> changed = new ArrayList<>(records);
                changed.set(i, simpler);
                candidates.add(request.withRecords(changed));
            }
        }
        if (request.escapeNonAscii() || request.idempotencyKey()) {
            candidates.add(request.plainer());
        }
        return candidates;
    }

    private List<RecordCase> shrink(RecordCase record) {
        List<RecordCase> candidates = new ArrayList<>();
        for (int i = 0; i < record.faults().size(); i++) {
            List<Fault> fewer = new ArrayList<>(record.faults());
            fewer.remove(i);
            candidates.add(record.withFaults(fewer));
        }
        if (record.parentId() != null) {
            candidates.add(record.withParent(null));
        }
        for (FieldSpec field : record.definition().fields()) {
            JsonNode value = record.data().get(field.name());
            if (value == null) {
                continue;
            }
            if (!field.required()) {
                ObjectNode fewer = record.data().deepCopy();
                fewer.remove(field.name());
                candidates.add(record.withData(fewer));
            } else if (field.type() == FieldType.TEXT && !value.asText().equals("A")) {
                ObjectNode plain = record.data().deepCopy();
                plain.put(field.name(), "A");
                candidates.add(record.withData(plain));
            }
        }
        if (!record.operation().equals("CREATE")) {
            candidates.add(record.withOperation("CREATE"));
        }
        if (record.sentAt() != SentAt.PLAIN) {
            candidates.add(record.withSentAt(SentAt.PLAIN));
        }
        if (record.messageId()) {
            candidates.add(record.withoutMessageId());
        }
        return candidates;
    }

    // ---- records -----------------------------------------------------------------------------------

    Gen<RecordCase> record(InterfaceDefinition definition, String source) {
        return random -> {
            String operation = Gen.frequency(weight(80, Gen.constant("CREATE")), weight(12, Gen.constant("UPDATE")),
                    weight(8, Gen.constant("DELETE"))).next(random);
            ObjectNode data = data(definition, source, random);
            List<Fault> faults = new ArrayList<>();
            int count = Gen.frequency(weight(50, Gen.constant(0)), weight(35, Gen.constant(1)),
                    weight(10, Gen.constant(2)), weight(5, Gen.constant(3))).next(random);
            Gen<Fault> catalogue = fault(definition, source, data);
            for (int attempt = 0; faults.size() < count && attempt < 10; attempt++) {
                Fault fault = catalogue.next(random);
                if (faults.stream().noneMatch(f -> f.overlaps(fault.place()))) {
                    faults.add(fault);
                }
            }
            return new RecordCase(nextId++, definition, source, operation, sentAt().next(random), data,
                    random.nextInt(5) == 0, faults, null);
        };
    }

    /** Valid data: every required field and some optional ones, each with a valid value. */
    private ObjectNode data(InterfaceDefinition definition, String source, SplittableRandom random) {
        ObjectNode data = JSON.objectNode();
        String type = random.nextBoolean() ? "COMPANY" : "PERSON";
        for (FieldSpec field : definition.fields()) {
            if (field.required() || random.nextInt(10) < 4) {
                data.set(field.name(), valid(definition, field, source, type).next(random));
            }
        }
        return data;
    }

    private Gen<JsonNode> valid(InterfaceDefinition definition, FieldSpec field, String source, String partnerType) {
        if (field.reference() != null) {
            String target = field.reference().toInterface() ? field.reference().targetInterface() : "master data";
            return switch (target) {
                case "departments" -> Gen.constant(JSON.textNode(world.department()));
                case "master data" -> Gen.elements(CATEGORIES).map(JSON::textNode);
                case "partners" -> Gen.constant(JSON.textNode(world.company(source)));
                default -> throw new IllegalStateException("no generator for references to " + target);
            };
        }
        return switch (field.type()) {
            case CODE -> codeSuffix().map(suffix -> JSON.textNode(
                    definition.name().substring(0, 1).toUpperCase() + RecordCase.TOKEN + suffix));
            case TEXT -> Gen.frequency(weight(9, Texts.text(field.maxLength())),
                    weight(1, Gen.constant(Texts.astral(field.maxLength())))).map(JSON::textNode);
            case BOOLEAN -> Gen.elements(true, false).map(JSON::booleanNode);
            case EMAIL -> Gen.elements("a@example.com", "li.wei+ward3@hospital.example.cn", "用户@例子.公司",
                    "o'hara@example.org", "x".repeat(64) + "@example.com").map(JSON::textNode);
            case PHONE -> Gen.elements("+86 10 1234 5678", "(010) 8888-9999", "123", "+1 (555) 010-9999",
                    "1".repeat(31)).map(JSON::textNode);
            case DATE -> Gen.oneOf(Gen.elements("1900-01-01", "2999-12-31", "2024-02-29"),
                    Gen.between(0, 400_000).map(days -> LocalDate.of(1900, 1, 1).plusDays(days).toString()))
                    .map(JSON::textNode);
            case ENUM -> field.name().equals("type") ? Gen.constant(JSON.textNode(partnerType))
                    : Gen.elements(field.allowed()).map(JSON::textNode);
            case COUNTRY -> Gen.elements("CN", "US", "DE", "JP", "HK").map(JSON::textNode);
            case TAX_ID -> partnerType.equals("COMPANY") ? creditCode().map(JSON::textNode)
                    : Texts.text(field.maxLength()).map(JSON::textNode);
            case OBJECT -> random -> {
                ObjectNode object = JSON.objectNode();
                for (FieldSpec inner : field.fields()) {
                    if (random.nextBoolean()) {
                        object.set(inner.name(), valid(definition, inner, source, partnerType).next(random));
                    }
                }
                return object;
            };
        };
    }

    private static Gen<String> codeSuffix() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        return random -> {
            // the prefix and token take 9 of the 32 characters
            int length = random.nextInt(8) == 0 ? 23 : random.nextInt(0, 6);
            StringBuilder suffix = new StringBuilder();
            for (int i = 0; i < length; i++) {
                suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return suffix.toString();
        };
    }

    /** A unified social credit code with a right check character. */
    static Gen<String> creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return random -> {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return code.append(UnifiedSocialCreditCode.checkCharacter(code.toString())).toString();
        };
    }

    /** Valid sentAt values: the earliest instant, recent ones, a few minutes ahead, at second to micro precision. */
    static Gen<SentAt> sentAt() {
        Gen<ZoneOffset> offsets = Gen.elements(ZoneOffset.UTC, ZoneOffset.ofHours(8), ZoneOffset.ofHours(-5),
                ZoneOffset.ofHoursMinutes(5, 45), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-18),
                ZoneOffset.ofHoursMinutesSeconds(5, 30, 45));
        Gen<ChronoUnit> precisions = Gen.elements(ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS);
        return Gen.frequency(
                weight(2, Gen.elements(
                        new SentAt("2000-01-01T00:00:00Z", now -> "2000-01-01T00:00:00Z"),
                        new SentAt("2000-01-01T08:00:00+08:00", now -> "2000-01-01T08:00:00+08:00"),
                        new SentAt("with 9 digits, micro precision", now -> "2026-01-01T00:00:00.123456000Z"),
                        SentAt.PLAIN)),
                weight(6, random -> {
                    long seconds = random.nextLong(0, Duration.between(EARLIEST, Instant.now()).toSeconds() - 60);
                    Instant instant = EARLIEST.plusSeconds(seconds).plusNanos(random.nextLong(1_000_000_000L));
                    ChronoUnit precision = precisions.next(random);
                    ZoneOffset offset = offsets.next(random);
                    String text = OffsetDateTime.ofInstant(instant.truncatedTo(precision), offset).toString();
                    return new SentAt(text, now -> text);
                }),
                weight(2, random -> {
                    Duration ahead = Duration.ofSeconds(random.nextLong(-3600, 240));
                    ZoneOffset offset = offsets.next(random);
                    return new SentAt("now " + ahead + " at " + offset, now ->
                            OffsetDateTime.ofInstant(now.plus(ahead).truncatedTo(ChronoUnit.MICROS), offset).toString());
                }));
    }

    // ---- faults of a record -----------------------------------------------------------------------

    private Gen<Fault> fault(InterfaceDefinition definition, String source, ObjectNode data) {
        List<Gen<Fault>> fields = new ArrayList<>();
        for (FieldSpec field : definition.fields()) {
            fields.add(fieldFault(definition, field, "data." + field.name(), data));
            for (FieldSpec inner : field.fields()) {
                fields.add(fieldFault(definition, inner, "data." + field.name() + "." + inner.name(), data));
            }
        }
        return Gen.frequency(
                weight(40, envelopeFault(source)),
                weight(50, Gen.oneOf(fields)),
                weight(10, structureFault(definition, data)));
    }

    private Gen<Fault> envelopeFault(String source) {
        String other = source.equals("HIS") ? "ERP" : "HIS";
        return Gen.oneOf(
                Gen.elements(
                        set("sourceSystem", "the other system " + other, Expect.INVALID, JSON.textNode(other)),
                        set("sourceSystem", "lower case", Expect.INVALID, JSON.textNode(source.toLowerCase())),
                        set("sourceSystem", "a number", Expect.INVALID, JSON.numberNode(42)),
                        set("sourceSystem", "with NUL", Expect.INVALID, JSON.textNode(source + "\0")),
                        remove("sourceSystem", Expect.INVALID, false)),
                Gen.elements(
                        externalId("with unicode and spaces", Expect.VALID, t -> " 心内科 " + t + " ☃ 😀 \"q\""),
                        externalId("128 chars", Expect.VALID, t -> t + "e".repeat(128 - t.length())),
                        externalId("64 emoji (128 UTF-16 chars)", Expect.VALID, t -> t + Texts.astral((128 - t.length()) / 2)),
                        externalId("129 chars", Expect.INVALID, t -> t + "e".repeat(129 - t.length())),
                        externalId("a C1 control U+0085", Expect.EITHER, t -> t + "\u0085"),
                        externalId("a tab", Expect.INVALID, t -> t + "\t"),
                        externalId("U+0001", Expect.INVALID, t -> "\u0001" + t),
                        externalId("NUL", Expect.INVALID, t -> t + "\0"),
                        externalId("a lone surrogate", Expect.INVALID, t -> t + "\ud800"),
                        set("externalId", "blank", Expect.INVALID, JSON.textNode("   ")),
                        set("externalId", "a number", Expect.INVALID, JSON.numberNode(7)),
                        remove("externalId", Expect.INVALID, false)),
                Gen.elements(
                        set("operation", "lower case", Expect.INVALID, JSON.textNode("create")),
                        set("operation", "MERGE", Expect.INVALID, JSON.textNode("MERGE")),
                        set("operation", "empty", Expect.INVALID, JSON.textNode("")),
                        remove("operation", Expect.INVALID, false)),
                Gen.elements(
                        sentAt("+999999999-12-31T23:59:59Z"), sentAt("9999-12-31T23:59:59Z"),
                        sentAt("0000-01-01T00:00:00Z"), sentAt("-4714-11-23T00:00:00Z"),
                        sentAt("1999-12-31T23:59:59.999999Z"), sentAt("2000-01-01T07:59:59.999999+08:00"),
                        sentAt("2026-01-01T00:00:00.123456789Z"), sentAt("2026-01-01T00:00:00.0000001Z"),
                        sentAt("2026-11-26T08:00:00"), sentAt("2026-11-26"), sentAt("yesterday"),
                        sentAt("2026-02-30T00:00:00Z"), sentAt("2026-11-26T24:00:00Z"), sentAt(""),
                        fault("sentAt", "now + 10 minutes", Expect.INVALID, false, (env, ctx) ->
                                env.put("sentAt", ctx.now().plus(Duration.ofMinutes(10)).toString())),
                        fault("sentAt", "a recent instant with nanoseconds", Expect.INVALID, false, (env, ctx) ->
                                env.put("sentAt", ctx.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS)
                                        .plusNanos(123_456_789).toString())),
                        fault("sentAt", "lower-case t and z", Expect.EITHER, false, (env, ctx) ->
                                env.put("sentAt", "2024-05-06t07:08:09z")),
                        set("sentAt", "epoch seconds as a number", Expect.INVALID, JSON.numberNode(1764144000L)),
                        remove("sentAt", Expect.INVALID, false)),
                Gen.elements(
                        fault("messageId", "128 chars", Expect.VALID, false, (env, ctx) ->
                                env.put("messageId", ctx.token() + "m".repeat(128 - ctx.token().length()))),
                        fault("messageId", "129 chars", Expect.INVALID, false, (env, ctx) ->
                                env.put("messageId", ctx.token() + "m".repeat(129 - ctx.token().length()))),
                        set("messageId", "blank", Expect.INVALID, JSON.textNode(" ")),
                        set("messageId", "a number", Expect.INVALID, JSON.numberNode(1)),
                        fault("messageId", "with NUL", Expect.INVALID, false, (env, ctx) ->
                                env.put("messageId", ctx.token() + "\0"))),
                odd().map(value -> set("unknownField", "an unknown envelope field = " + label(value),
                        Expect.INVALID, value)));
    }

    private Gen<Fault> fieldFault(InterfaceDefinition definition, FieldSpec field, String place, ObjectNode data) {
        List<Gen<Fault>> faults = new ArrayList<>();
        boolean delete = field.required();
        faults.add(Gen.constant(remove(place, field.required() ? Expect.INVALID : Expect.VALID, delete)));
        faults.add(Gen.constant(set(place, "null", field.required() ? Expect.INVALID : Expect.VALID, delete,
                JSON.nullNode())));
        // a value of another JSON type: true fits a boolean, {} an address
        faults.add(odd().filter(value -> !(field.type() == FieldType.BOOLEAN && value.isBoolean())
                        && !(field.type() == FieldType.OBJECT && value.isObject() && value.isEmpty()))
                .map(value -> set(place, label(value), Expect.INVALID, value)));
        if (field.type() != FieldType.OBJECT && field.type() != FieldType.BOOLEAN) {
            int max = field.maxLength() > 0 ? field.maxLength() : 32;
            faults.add(Gen.elements(
                    set(place, "blank", Expect.INVALID, JSON.textNode(" \t\n\u3000")),
                    set(place, "empty", Expect.INVALID, JSON.textNode("")),
                    set(place, "with NUL", Expect.INVALID, JSON.textNode("Cardi\0ology")),
                    set(place, "a lone high surrogate", Expect.INVALID, JSON.textNode("Ward \ud800")),
                    set(place, "a lone low surrogate", Expect.INVALID, JSON.textNode("\udfb7 Ward")),
                    set(place, "a reversed surrogate pair", Expect.INVALID, JSON.textNode("\udfb7\ud842")),
                    set(place, (max + 1) + " characters", Expect.INVALID, JSON.textNode("a".repeat(max + 1)))));
        }
        switch (field.type()) {
            case TEXT -> faults.add(Gen.elements(
                    set(place, field.maxLength() + " characters outside the BMP", Expect.VALID,
                            JSON.textNode(Texts.astral(field.maxLength()))),
                    set(place, "every odd character", Expect.VALID, JSON.textNode(oddText(field.maxLength())))));
            case CODE -> {
                if (field.reference() == null) {
                    faults.add(Gen.elements(
                            set(place, "with a space", Expect.INVALID, JSON.textNode("A B")),
                            set(place, "with a letter outside ASCII", Expect.INVALID, JSON.textNode("É1")),
                            set(place, "with a dot", Expect.INVALID, JSON.textNode("a.b")),
                            fault(place, "32 characters", Expect.VALID, false, (env, ctx) -> setAt(env, place,
                                    JSON.textNode("C" + ctx.token() + "_".repeat(31 - ctx.token().length()))))));
                } else {
                    faults.add(Gen.elements(
                            fault(place, "a code nobody has", Expect.INVALID, true, (env, ctx) ->
                                    setAt(env, place, JSON.textNode("N" + ctx.token()))),
                            set(place, "a code of the right shape in lower case", Expect.INVALID, true,
                                    JSON.textNode(valueOf(data, field).toLowerCase()))));
                }
                if (field.name().equals("parentCode") && definition == InterfaceRegistry.get("departments")) {
                    // placed on the whole of data: another fault changing the code would change its meaning
                    faults.add(Gen.constant(fault("data", "parentCode = its own code", Expect.INVALID, false,
                            (env, ctx) -> setAt(env, place, env.path("data").path("code").deepCopy()))));
                }
                if (field.name().equals("parentCode") && definition == InterfaceRegistry.get("partners")) {
                    faults.add(Gen.elements(
                            set(place, "a person", Expect.INVALID, true, JSON.textNode(world.hisPerson())),
                            set(place, "another system's company", Expect.INVALID, true,
                                    JSON.textNode(world.erpCompany())),
                            set(place, "an archived company", Expect.INVALID, true,
                                    JSON.textNode(world.archivedHisCompany()))));
                }
            }
            case BOOLEAN -> faults.add(Gen.elements(
                    set(place, "the string \"true\"", Expect.INVALID, JSON.textNode("true")),
                    set(place, "1", Expect.INVALID, JSON.numberNode(1))));
            case EMAIL -> faults.add(Gen.elements("no-at-sign", "a@b", "a@@b.com", "a b@c.de", "@example.com",
                    "x".repeat(65) + "@example.com").map(v -> set(place, show(v), Expect.INVALID, JSON.textNode(v))));
            case PHONE -> faults.add(Gen.elements("12", "phone", "+86-10-ABCD", "1".repeat(33), "++86 123")
                    .map(v -> set(place, show(v), Expect.INVALID, JSON.textNode(v))));
            case DATE -> faults.add(Gen.elements("1899-12-31", "3000-01-01", "+999999999-12-31", "-4714-11-24",
                    "0000-01-01", "2026-02-30", "2026-1-1", "2026-11-26T00:00:00Z")
                    .map(v -> set(place, show(v), Expect.INVALID, JSON.textNode(v))));
            case ENUM -> faults.add(Gen.elements("company", "ORGANISATION", "COMPANY ")
                    .map(v -> set(place, show(v), Expect.INVALID, JSON.textNode(v))));
            case COUNTRY -> faults.add(Gen.elements("cn", "XX", "CHN", "C")
                    .map(v -> set(place, show(v), Expect.INVALID, JSON.textNode(v))));
            case TAX_ID -> {
                // the rule of a company's tax id: only when the record is a company
                if ("COMPANY".equals(data.path("type").asText())) {
                    faults.add(creditCode().map(code -> {
                        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
                        return set(place, "a wrong check character " + wrong, Expect.INVALID, JSON.textNode(wrong));
                    }));
                    faults.add(creditCode().map(code -> set(place, "17 characters", Expect.INVALID,
                            JSON.textNode(code.substring(0, 17)))));
                }
            }
            case OBJECT -> faults.add(Gen.elements(
                    set(place, "a string", Expect.INVALID, JSON.textNode("Beijing")),
                    set(place, "an unknown field", Expect.INVALID, JSON.objectNode().put("street", "Main")),
                    set(place, "nested 12 deep", Expect.INVALID, nested(12))));
            default -> {
            }
        }
        return Gen.oneOf(faults);
    }

    private Gen<Fault> structureFault(InterfaceDefinition definition, ObjectNode data) {
        return Gen.oneOf(
                odd().map(value -> set("data.extra", "an unknown data field = " + label(value), Expect.INVALID, value)),
                Gen.elements("Code", "name ", "名称", "", "__proto__", "a.b", "$where", "na\0me", "na\ud800me",
                                "n".repeat(60_000))
                        .map(name -> fault("data.unknown", "an unknown data field named " + show(name),
                                Expect.INVALID, false, (env, ctx) -> {
                                    ((ObjectNode) env.get("data")).put(name, "x");
                                    return env;
                                })),
                Gen.elements(
                        remove("data", Expect.INVALID, true),
                        set("data", "null", Expect.INVALID, true, JSON.nullNode()),
                        set("data", "a string", Expect.INVALID, JSON.textNode("{}")),
                        set("data", "an array", Expect.INVALID, JSON.arrayNode().add(data.deepCopy())),
                        set("data", "nested 40 deep", Expect.INVALID, nested(40))),
                Gen.elements(
                        fault("$", "the record is an array", Expect.INVALID, false,
                                (env, ctx) -> JSON.arrayNode().add(env)),
                        fault("$", "the record is a string", Expect.INVALID, false, (env, ctx) -> JSON.textNode("r")),
                        fault("$", "the record is null", Expect.INVALID, false, (env, ctx) -> JSON.nullNode()),
                        fault("$", "the record is 1e400", Expect.INVALID, false, (env, ctx) -> raw("1e400"))));
    }

    /** Values of every JSON type that fit no field: huge and tiny numbers, arrays, objects, deep nesting. */
    private static Gen<JsonNode> odd() {
        return Gen.elements(raw("1e400"), raw("-1e400"), raw("1e-400"), raw("99999999999999999999"),
                raw("-0"), raw("1.5"), raw("123456789012345678901234567890.5e-3"), raw("9".repeat(1500)),
                raw("1e999999999"), JSON.numberNode(42),
                JSON.booleanNode(true), JSON.arrayNode(), JSON.arrayNode().add("x").add(raw("1e400")),
                JSON.objectNode(), JSON.objectNode().put("nested", "x"), nested(8), nested(15), nested(17),
                nested(30));
    }

    // ---- faults of a batch or of a whole request ---------------------------------------------------

    private Gen<Fault> batchFault() {
        return Gen.elements(
                set("batchExtra", "an unknown batch field", Expect.INVALID, JSON.textNode("x")),
                set("records", "an empty array", Expect.INVALID, JSON.arrayNode()),
                set("records", "an object", Expect.INVALID, JSON.objectNode()),
                set("records", "null", Expect.INVALID, JSON.nullNode()),
                remove("records", Expect.INVALID, false),
                fault("records", "1001 records", Expect.INVALID, false, (root, ctx) -> {
                    var many = root.putArray("records");
                    for (int i = 0; i < 1001; i++) {
                        many.addObject().put("externalId", "X" + ctx.token() + "-" + i);
                    }
                    return root;
                }));
    }

    private Gen<RequestFault> requestFault(InterfaceDefinition definition) {
        List<RequestFault> faults = new ArrayList<>(List.of(
                new RequestFault("no API key", Expect.INVALID, false, false, (call, token) ->
                        new HttpCall(call.path(), null, call.contentType(), call.idempotencyKey(), call.body())),
                new RequestFault("an unknown API key", Expect.INVALID, false, false, (call, token) ->
                        new HttpCall(call.path(), "no-such-key", call.contentType(), call.idempotencyKey(), call.body())),
                new RequestFault("Content-Type text/plain", Expect.INVALID, false, false, (call, token) ->
                        new HttpCall(call.path(), call.key(), "text/plain", call.idempotencyKey(), call.body())),
                idempotencyKey("an Idempotency-Key of 129 chars", token -> token + "k".repeat(129 - token.length())),
                idempotencyKey("an Idempotency-Key with a space", token -> token + " k"),
                idempotencyKey("an Idempotency-Key of 30000 chars", token -> token + "k".repeat(30000)),
                body("trailing garbage", true, body -> concat(body, " x".getBytes(StandardCharsets.US_ASCII))),
                body("cut short by one byte", true, body -> Arrays.copyOf(body, body.length - 1)),
                body("a duplicate key", true, body -> concat("{\"records\":[],\"sourceSystem\":\"HIS\",".getBytes(
                        StandardCharsets.US_ASCII), Arrays.copyOfRange(body, 1, body.length))),
                body("an empty body", true, body -> new byte[0]),
                body("the body null", false, body -> "null".getBytes(StandardCharsets.US_ASCII)),
                body("over 1 MiB of trailing spaces", true, body -> concat(body, " ".repeat(1_100_000)
                        .getBytes(StandardCharsets.US_ASCII))),
                new RequestFault("a UTF-8 byte order mark", Expect.EITHER, true, false, (call, token) ->
                        call.withBody(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, call.body()))),
                rawBytes("an overlong NUL C0 80", 0xC0, 0x80),
                rawBytes("a CESU-8 lone surrogate ED A0 80", 0xED, 0xA0, 0x80),
                rawBytes("a code point above U+10FFFF F4 90 80 80", 0xF4, 0x90, 0x80, 0x80),
                rawBytes("a stray continuation byte 80", 0x80),
                rawBytes("the byte FF", 0xFF)));
        if (definition != InterfaceRegistry.get("partners")) {
            faults.add(new RequestFault("the ERP key, which may send partners only", Expect.INVALID, false, false, (call, token) ->
                    new HttpCall(call.path(), ERP_KEY, call.contentType(), call.idempotencyKey(), call.body())));
        }
        return Gen.elements(faults);
    }

    private static RequestFault idempotencyKey(String label, Function<String, String> key) {
        return new RequestFault(label, Expect.INVALID, false, false, (call, token) ->
                new HttpCall(call.path(), call.key(), call.contentType(), key.apply(token), call.body()));
    }

    private static RequestFault body(String label, boolean malforms, Function<byte[], byte[]> edit) {
        return new RequestFault(label, Expect.INVALID, malforms, false,
                (call, token) -> call.withBody(edit.apply(call.body())));
    }

    /**
     * Bytes that are not UTF-8, put inside the first record's externalId, right before its token. A reader
     * may refuse the body, or decode them to something (a lone surrogate) the intake must refuse in the record.
     */
    private static RequestFault rawBytes(String label, int... bytes) {
        return new RequestFault(label + " inside a string", Expect.INVALID, true, true, (call, token) -> {
            byte[] body = call.body();
            int at = indexOf(body, token.getBytes(StandardCharsets.US_ASCII));
            byte[] inserted = new byte[bytes.length];
            for (int i = 0; i < bytes.length; i++) {
                inserted[i] = (byte) bytes[i];
            }
            if (at < 0) {
                // the token is gone (a fault replaced the record): the bytes then go before the body's last byte
                at = Math.max(0, body.length - 1);
                return call.withBody(concat(concat(Arrays.copyOf(body, at), "\"".getBytes(StandardCharsets.US_ASCII)),
                        concat(concat(inserted, "\"".getBytes(StandardCharsets.US_ASCII)),
                                Arrays.copyOfRange(body, at, body.length))));
            }
            return call.withBody(concat(concat(Arrays.copyOf(body, at), inserted), Arrays.copyOfRange(body, at, body.length)));
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static Fault fault(String place, String label, Expect expect, boolean forgivenByDelete, Fault.Edit edit) {
        return new Fault(label, place, expect, forgivenByDelete, edit);
    }

    private static Fault set(String place, String label, Expect expect, JsonNode value) {
        return set(place, label, expect, false, value);
    }

    private static Fault set(String place, String label, Expect expect, boolean forgivenByDelete, JsonNode value) {
        return new Fault(label, place, expect, forgivenByDelete, (env, ctx) -> setAt(env, place, value.deepCopy()));
    }

    private static Fault remove(String place, Expect expect, boolean forgivenByDelete) {
        return new Fault("absent", place, expect, forgivenByDelete, (env, ctx) -> {
            int dot = place.lastIndexOf('.');
            JsonNode parent = dot < 0 ? env : at(env, place.substring(0, dot));
            if (parent instanceof ObjectNode object) {
                object.remove(place.substring(dot + 1));
            }
            return env;
        });
    }

    private static Fault externalId(String label, Expect expect, Function<String, String> value) {
        return new Fault(label, "externalId", expect, false, (env, ctx) ->
                env.put("externalId", value.apply("X" + ctx.token())));
    }

    private static Fault sentAt(String value) {
        return set("sentAt", "\"" + value + "\"", Expect.INVALID, JSON.textNode(value));
    }

    /** Sets the value at a dotted path, creating the objects on the way (an address for its city). */
    private static JsonNode setAt(ObjectNode env, String place, JsonNode value) {
        String[] names = place.split("\\.");
        ObjectNode object = env;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode next = object.get(names[i]);
            if (!(next instanceof ObjectNode)) {
                next = object.putObject(names[i]);
            }
            object = (ObjectNode) next;
        }
        object.set(names[names.length - 1], value);
        return env;
    }

    private static JsonNode at(JsonNode node, String place) {
        for (String name : place.split("\\.")) {
            node = node.path(name);
        }
        return node;
    }

    private static String valueOf(ObjectNode data, FieldSpec field) {
        JsonNode value = data.get(field.name());
        return value != null && value.isTextual() ? value.textValue() : field.name().toUpperCase();
    }

    private static JsonNode raw(String json) {
        return JSON.rawValueNode(new RawValue(json));
    }

    private static JsonNode nested(int depth) {
        ObjectNode root = JSON.objectNode();
        ObjectNode node = root;
        for (int i = 1; i < depth; i++) {
            node = node.putObject("n");
        }
        return root;
    }

    /** Every odd character once, then letters, up to {@code max} code points. */
    private static String oddText(int max) {
        StringBuilder text = new StringBuilder("A");
        for (int i = 0; i < Texts.ODD.length && i + 1 < max; i++) {
            text.appendCodePoint(Texts.ODD[i]);
        }
        return text.toString();
    }

    private static String label(JsonNode value) {
        String text = value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "..." : text;
    }

    private static String show(String text) {
        return "\"" + Texts.show(text) + "\"";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
