package org.integrationhub.processor.business;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The write SQL every business table shares, run on the applier's transaction. Each business record is
 * linked to the partner record that created it ({@code source_system}, {@code external_id}, unique), has a
 * {@code code} unique among active records, an {@code active} flag, and {@code last_sent_at}, the order
 * fence. A table adds its own INSERT, UPDATE and the list of what points at it ({@link #activeDependants}).
 */
public abstract class LinkedTable {

    /** The record linked to a partner record, locked for this transaction. */
    public record Linked(long id, OffsetDateTime lastSentAt, boolean active) {
    }

    /** Another record holding a code, which a write of this record would collide with. */
    public record CodeOwner(String sourceSystem, String externalId) {
    }

    private final String table;
    private final String lockBySource;
    private final String activeIdByCode;
    private final String codeOwner;
    private final String archive;
    private final String parentWouldLoop;

    /** @param table the business table: {@code department}, {@code employee}, {@code partner} */
    protected LinkedTable(String table) {
        this.table = table;
        lockBySource = "SELECT id, last_sent_at, active FROM " + table
                + " WHERE source_system = $1 AND external_id = $2 FOR UPDATE";
        // a reference resolves only among the records the same source system sent (see README: references)
        activeIdByCode = "SELECT id FROM " + table + " WHERE code = $1 AND active AND source_system = $2";
        codeOwner = "SELECT source_system, external_id FROM " + table
                + " WHERE code = $1 AND active AND NOT (source_system = $2 AND external_id = $3) LIMIT 1";
        archive = "UPDATE " + table + " SET active = false, last_sent_at = $2, last_receipt_id = $3, updated_at = now()"
                + " WHERE id = $1";
        // Walks up from the would-be parent $1: meeting the record $2 on the way means a loop.
        parentWouldLoop = "WITH RECURSIVE up (id, parent_id) AS ("
                + " SELECT id, parent_id FROM " + table + " WHERE id = $1"
                + " UNION SELECT t.id, t.parent_id FROM " + table + " t JOIN up ON t.id = up.parent_id)"
                + " SELECT EXISTS (SELECT 1 FROM up WHERE id = $2) AS found";
    }

    /** Names, for a refused archive, up to ten active records of each kind that still point at record {@code id}. */
    public abstract Uni<List<String>> activeDependants(SqlConnection conn, long id);

    public Uni<Optional<Linked>> lockBySource(SqlConnection conn, String sourceSystem, String externalId) {
        return conn.preparedQuery(lockBySource).execute(Tuple.of(sourceSystem, externalId))
                .map(rows -> first(rows).map(r -> new Linked(r.getLong("id"), r.getOffsetDateTime("last_sent_at"),
                        r.getBoolean("active"))));
    }

    /** The business table's name. */
    public String tableName() {
        return table;
    }

    /** The id of the active record with {@code code} that {@code sourceSystem} sent. */
    public Uni<Optional<Long>> activeIdByCode(SqlConnection conn, String sourceSystem, String code) {
        return conn.preparedQuery(activeIdByCode).execute(Tuple.of(code, sourceSystem))
                .map(rows -> first(rows).map(r -> r.getLong("id")));
    }

    /** The active record, other than the one linked to (sourceSystem, externalId), that holds {@code code}. */
    public Uni<Optional<CodeOwner>> codeOwner(SqlConnection conn, String code, String sourceSystem, String externalId) {
        return conn.preparedQuery(codeOwner).execute(Tuple.of(code, sourceSystem, externalId))
                .map(rows -> first(rows).map(r -> new CodeOwner(r.getString("source_system"), r.getString("external_id"))));
    }

    public Uni<Void> archive(SqlConnection conn, long id, OffsetDateTime sentAt, UUID receiptId) {
        return conn.preparedQuery(archive).execute(Tuple.of(id, sentAt, receiptId)).replaceWithVoid();
    }

    /** For tables with a {@code parent_id}: whether making {@code parentId} the parent of {@code id} makes a loop. */
    public Uni<Boolean> parentWouldLoop(SqlConnection conn, long id, long parentId) {
        return conn.preparedQuery(parentWouldLoop).execute(Tuple.of(parentId, id))
                .map(rows -> rows.iterator().next().getBoolean("found"));
    }

    protected static Uni<List<String>> names(SqlConnection conn, String sql, long id) {
        return conn.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> {
            List<String> names = new ArrayList<>();
            for (Row row : rows) {
                names.add(row.getString(0));
            }
            return names;
        });
    }

    protected static Optional<Row> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }
}
