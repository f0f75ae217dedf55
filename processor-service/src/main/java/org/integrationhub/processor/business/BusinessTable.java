package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.FieldType;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The write SQL of one interface's business table, generated from its declaration and run on the applier's
 * transaction. Every business table has the columns of the declared fields (a reference to an interface holds
 * the referenced record's id), {@code active}, and the link to the partner record that created it
 * ({@code source_system}, {@code external_id}, unique), {@code last_sent_at} (the order fence),
 * {@code last_receipt_id}, {@code created_at} and {@code updated_at}; {@code code} is unique among active
 * records. Table and column names come from the declaration (checked identifiers), never from a request.
 */
public final class BusinessTable {

    /** The record linked to a partner record, locked for this transaction. */
    public record Linked(long id, OffsetDateTime lastSentAt, boolean active) {
    }

    /** Another record holding a code, which a write of this record would collide with. */
    public record CodeOwner(String sourceSystem, String externalId) {
    }

    /** An active record found by code: its id, and the value of the column a reference's condition reads. */
    public record Found(long id, String conditionValue) {
    }

    static final String LOCK_BY_SOURCE = "SELECT id, last_sent_at, active FROM %s"
            + " WHERE source_system = $1 AND external_id = $2 FOR UPDATE";

    /** A reference resolves only among the records the same source system sent (see README: references). */
    static final String ACTIVE_BY_CODE = "SELECT id, %2$s AS condition FROM %1$s"
            + " WHERE code = $1 AND active AND source_system = $2";

    static final String CODE_OWNER = "SELECT source_system, external_id FROM %s"
            + " WHERE code = $1 AND active AND NOT (source_system = $2 AND external_id = $3) LIMIT 1";

    static final String ARCHIVE = "UPDATE %s SET active = false, last_sent_at = $2, last_receipt_id = $3,"
            + " updated_at = now() WHERE id = $1";

    /** Walks up from the would-be parent $1 through the column %2$s: meeting the record $2 on the way is a loop. */
    static final String WOULD_LOOP = "WITH RECURSIVE up (id, parent) AS ("
            + " SELECT id, %2$s FROM %1$s WHERE id = $1"
            + " UNION SELECT t.id, t.%2$s FROM %1$s t JOIN up ON t.id = up.parent)"
            + " SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found";

    /** One kind of record that points at a record: %1$s its label, %2$s its table, %3$s the column. */
    static final String DEPENDANTS = "(SELECT '%1$s ' || code FROM %2$s WHERE %3$s = $1 AND active"
            + " ORDER BY code LIMIT 10)";

    static final String MASTER_DATA_ACTIVE = "SELECT active FROM %s WHERE code = $1";

    private final InterfaceDefinition definition;
    /** The declared fields as stored, objects flattened, in declaration order. */
    private final List<Column> columns;
    private final String lockBySource;
    private final String codeOwner;
    private final String archive;
    private final String insert;
    private final String update;
    private final String dependants;
    /** Statements built from a declaration once, not per row: by target table and condition column, etc. */
    private static final Map<String, String> STATEMENTS = new ConcurrentHashMap<>();

    /** A stored field: the column, the field, and the object it sits in (null at the top level). */
    record Column(String name, FieldSpec field, FieldSpec parent) {
    }

    BusinessTable(InterfaceDefinition definition) {
        this.definition = definition;
        this.columns = columns(definition);
        String table = definition.businessTable();
        lockBySource = LOCK_BY_SOURCE.formatted(table);
        codeOwner = CODE_OWNER.formatted(table);
        archive = ARCHIVE.formatted(table);
        List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
        names.addAll(List.of("source_system", "external_id", "last_sent_at", "last_receipt_id"));
        List<String> placeholders = new ArrayList<>();
        for (int i = 1; i <= names.size(); i++) {
            placeholders.add("$" + i);
        }
        insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ")\nVALUES ("
                + String.join(", ", placeholders) + ")";
        List<String> sets = new ArrayList<>();
        int p = 2;
        for (Column c : columns) {
            sets.add(c.name() + " = $" + p++);
        }
        sets.add("last_sent_at = $" + p++);
        sets.add("last_receipt_id = $" + p);
        sets.add("updated_at = now()");
        update = "UPDATE " + table + "\n   SET " + String.join(", ", sets) + "\n WHERE id = $1";
        List<String> pointers = new ArrayList<>();
        for (InterfaceRegistry.Pointer pointer : InterfaceRegistry.pointersTo(definition)) {
            pointers.add(DEPENDANTS.formatted(pointer.label(), pointer.from().businessTable(), pointer.field().column()));
        }
        dependants = pointers.isEmpty() ? null : String.join("\nUNION ALL\n", pointers);
    }

    static List<Column> columns(InterfaceDefinition definition) {
        List<Column> columns = new ArrayList<>();
        for (FieldSpec field : definition.fields()) {
            if (field.type() == FieldType.OBJECT) {
                for (FieldSpec inner : field.fields()) {
                    columns.add(new Column(inner.column(), inner, field));
                }
            } else {
                columns.add(new Column(field.column(), field, null));
            }
        }
        return columns;
    }

    public InterfaceDefinition definition() {
        return definition;
    }

    /** The business table's name. */
    public String tableName() {
        return definition.businessTable();
    }

    /** The generated INSERT, for tests and plan checks. */
    public String insertSql() {
        return insert;
    }

    /** The generated UPDATE. */
    public String updateSql() {
        return update;
    }

    public Uni<Optional<Linked>> lockBySource(SqlConnection conn, String sourceSystem, String externalId) {
        return conn.preparedQuery(lockBySource).execute(Tuple.of(sourceSystem, externalId))
                .map(rows -> first(rows).map(r -> new Linked(r.getLong("id"), r.getOffsetDateTime("last_sent_at"),
                        r.getBoolean("active"))));
    }

    /**
     * The active record with {@code code} that {@code sourceSystem} sent in the table of {@code target}, with the
     * value of {@code conditionField} (null for none).
     */
    public static Uni<Optional<Found>> activeByCode(SqlConnection conn, InterfaceDefinition target,
                                                    String conditionField, String sourceSystem, String code) {
        return conn.preparedQuery(STATEMENTS.computeIfAbsent("active:" + target.name() + ":" + conditionField,
                        k -> ACTIVE_BY_CODE.formatted(target.businessTable(), conditionField == null ? "NULL::text"
                                : target.field(conditionField).orElseThrow().column() + "::text")))
                .execute(Tuple.of(code, sourceSystem))
                .map(rows -> first(rows).map(r -> new Found(r.getLong("id"), r.getString("condition"))));
    }

    /** Whether the master data {@code code} exists and is active in {@code table}. */
    public static Uni<Boolean> masterDataActive(SqlConnection conn, String table, String code) {
        return conn.preparedQuery(STATEMENTS.computeIfAbsent("master:" + table, k -> MASTER_DATA_ACTIVE.formatted(table)))
                .execute(Tuple.of(code))
                .map(rows -> first(rows).map(r -> r.getBoolean("active")).orElse(false));
    }

    /** The active record, other than the one linked to (sourceSystem, externalId), that holds {@code code}. */
    public Uni<Optional<CodeOwner>> codeOwner(SqlConnection conn, String code, String sourceSystem, String externalId) {
        return conn.preparedQuery(codeOwner).execute(Tuple.of(code, sourceSystem, externalId))
                .map(rows -> first(rows).map(r -> new CodeOwner(r.getString("source_system"), r.getString("external_id"))));
    }

    public Uni<Void> archive(SqlConnection conn, long id, OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(archive).execute(Tuple.of(id, sentAt, receiptId)).replaceWithVoid();
    }

    /** Whether making {@code parentId} the value of the self-reference {@code field} of record {@code id} makes a loop. */
    public Uni<Boolean> wouldLoop(SqlConnection conn, FieldSpec field, long id, long parentId) {
        return conn.preparedQuery(STATEMENTS.computeIfAbsent("loop:" + tableName() + ":" + field.column(),
                        k -> WOULD_LOOP.formatted(tableName(), field.column()))).execute(Tuple.of(parentId, id))
                .map(rows -> rows.iterator().next().getBoolean("found"));
    }

    /** Names, for a refused archive, up to ten active records of each kind that still point at record {@code id}. */
    public Uni<List<String>> activeDependants(SqlConnection conn, long id) {
        if (dependants == null) {
            return Uni.createFrom().item(List.of());
        }
        return conn.preparedQuery(dependants).execute(Tuple.of(id)).map(rows -> {
            List<String> names = new ArrayList<>();
            for (Row row : rows) {
                names.add(row.getString(0));
            }
            return names;
        });
    }

    /**
     * Inserts the record {@code data} describes, linked to (sourceSystem, externalId); {@code ids} holds the id of
     * each record a reference field names.
     */
    public Uni<Void> insert(SqlConnection conn, JsonObject data, Map<String, Long> ids, String sourceSystem,
                            String externalId, OffsetDateTime sentAt, UUID receiptId) {
        List<Object> values = values(data, ids);
        values.addAll(Arrays.asList(sourceSystem, externalId, sentAt, receiptId));
        return conn.preparedQuery(insert).execute(Tuple.from(values)).replaceWithVoid();
    }

    /** Sets every column of record {@code id} from {@code data}: a field absent from data is cleared. */
    public Uni<Void> update(SqlConnection conn, long id, JsonObject data, Map<String, Long> ids, OffsetDateTime sentAt,
                            UUID receiptId) {
        List<Object> values = new ArrayList<>();
        values.add(id);
        values.addAll(values(data, ids));
        values.add(sentAt);
        values.add(receiptId);
        return conn.preparedQuery(update).execute(Tuple.from(values)).replaceWithVoid();
    }

    private List<Object> values(JsonObject data, Map<String, Long> ids) {
        List<Object> values = new ArrayList<>(columns.size() + 5);
        for (Column c : columns) {
            JsonObject holder = c.parent() == null ? data : data.getJsonObject(c.parent().name());
            values.add(holder == null ? null : value(c.field(), holder, ids));
        }
        return values;
    }

    private static Object value(FieldSpec field, JsonObject holder, Map<String, Long> ids) {
        if (field.storesId()) {
            return ids.get(field.name());
        }
        return switch (field.type()) {
            case BOOLEAN -> field.name().equals("active") ? holder.getBoolean("active", true) : holder.getBoolean(field.name());
            case DATE -> {
                String text = holder.getString(field.name());
                yield text == null ? null : LocalDate.parse(text);
            }
            default -> holder.getString(field.name());
        };
    }

    static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(mapper.apply(rows.iterator().next()));
    }

    static Optional<Row> first(RowSet<Row> rows) {
        return first(rows, r -> r);
    }
}
