package org.integrationhub.processor.console;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.integrationhub.common.model.UuidV7;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.admin.StagingRowView;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The records page's reads: staging rows newest first in keyset pages, filtered and searched. Newest first is
 * receipt-id order (version 7 uuids are time-ordered), which the primary key serves; FAILED rows have their
 * own small index; a search goes by receipt id, or through the index of a record's receipts for an external
 * id or a business code. The statement is put together from the filter's parts that are set, so each shape
 * is planned for what it asks (a catch-all {@code $n IS NULL OR ...} would be planned for none of them).
 */
@ApplicationScoped
public class RecordSearch {

    /**
     * The source systems that have sent anything, read as a loose index scan over the index of a record's
     * receipts: one probe per system instead of a pass over every row.
     */
    static final String SYSTEMS = """
            systems(s) AS (
                SELECT min(source_system) FROM staging_record
                UNION ALL
                SELECT (SELECT min(source_system) FROM staging_record WHERE source_system > systems.s)
                  FROM systems WHERE systems.s IS NOT NULL)""";

    /** The business records whose code is the search, in every interface's table: the rows that made them. */
    static final String LINKED = InterfaceRegistry.all().stream()
            .map(d -> "SELECT source_system, external_id FROM " + d.businessTable() + " WHERE code = $1")
            .collect(Collectors.joining("\n    UNION ALL\n    ", "linked AS (\n    ", ")"));

    /**
     * The receipts a search (not a receipt id) finds: the record with that external id from any system, the
     * records whose business row has that code, and rows not applied yet or failed whose data has that code.
     */
    static final String MATCHES = SYSTEMS + ",\n" + LINKED + """
            ,
            matches AS (
                SELECT r.receipt_id FROM systems JOIN staging_record r ON r.source_system = systems.s
                 WHERE r.external_id = $1
                UNION
                SELECT r.receipt_id FROM linked JOIN staging_record r
                    ON r.source_system = linked.source_system AND r.external_id = linked.external_id
                UNION
                SELECT r.receipt_id FROM systems JOIN staging_record r ON r.source_system = systems.s
                 WHERE r.status IN ('PENDING', 'PROCESSING') AND r.payload ->> 'code' = $1
                UNION
                SELECT receipt_id FROM staging_record WHERE status = 'FAILED' AND payload ->> 'code' = $1)""";

    /**
     * The FAILED rows of a filter back to PENDING as new, as the operator API's bulk retry does
     * (StagingAdminRepository.RETRY): with a wake-up per interface touched and the audit entry (the filter and
     * the count) in the same statement. Appended to the filter's CTEs; $1.. are the filter's, then the operator
     * and the filter as JSON.
     */
    static final String RETRY_CHOSEN = """
            , retried AS (
                UPDATE staging_record
                   SET status = 'PENDING', error_class = NULL, error_message = NULL, processed_at = NULL,
                       attempts = 0, next_attempt_at = NULL
                 WHERE status = 'FAILED' AND receipt_id IN (SELECT receipt_id FROM chosen)
                RETURNING interface),
            signals AS (
                SELECT pg_notify('staging_pending', i) FROM (SELECT DISTINCT interface AS i FROM retried) touched),
            audit AS (
                INSERT INTO operator_action (actor, action, target, detail)
                SELECT $%d, 'records.retry', NULL, jsonb_build_object('filter', $%d::jsonb, 'count', (SELECT count(*) FROM retried))
                RETURNING id)
            SELECT (SELECT count(*) FROM retried) AS retried, (SELECT count(*) FROM signals) AS signalled,
                   (SELECT count(*) FROM audit) AS audited""";

    /** A statement over the filter: its common table expressions (none, or the search's) and its query. */
    record Query(String ctes, String body) {
        String sql() {
            return ctes.isEmpty() ? body : "WITH RECURSIVE " + ctes + "\n" + body;
        }

        /** This query as one more CTE called {@code name}, followed by {@code rest} (more CTEs, then a query). */
        String then(String name, String rest) {
            return "WITH RECURSIVE " + (ctes.isEmpty() ? "" : ctes + ",\n") + name + " AS (\n" + body + ")\n" + rest;
        }
    }

    @Inject
    Pool pool;

    /** A page of rows matching {@code filter}, newest first, older than {@code before} when it is set. */
    public Uni<List<StagingRowView>> page(RecordFilter filter, UUID before, int size) {
        List<Object> args = new ArrayList<>();
        String sql = select(filter, StagingRowView.COLUMNS, before, size, args).sql();
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<StagingRowView> page = new ArrayList<>();
            for (Row row : rows) {
                page.add(StagingRowView.of(row));
            }
            return page;
        });
    }

    /** How many FAILED rows match the filter: what a bulk retry of it would put back. */
    public Uni<Long> failedCount(RecordFilter filter) {
        List<Object> args = new ArrayList<>();
        Query failed = select(failed(filter), "receipt_id", null, Integer.MAX_VALUE, args);
        return pool.preparedQuery(failed.then("chosen", "SELECT count(*) FROM chosen")).execute(Tuple.from(args))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Puts the filter's FAILED rows back to PENDING; answers how many. Audited as {@code actor}'s. */
    public Uni<Long> retryFailed(RecordFilter filter, String actor) {
        List<Object> args = new ArrayList<>();
        Query chosen = select(failed(filter), "receipt_id", null, Integer.MAX_VALUE, args);
        args.add(actor);
        args.add(new JsonObject(new LinkedHashMap<String, Object>(failed(filter).parts())));
        String sql = chosen.then("chosen", RETRY_CHOSEN.formatted(args.size() - 1, args.size()));
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> rows.iterator().next().getLong("retried"));
    }

    private static RecordFilter failed(RecordFilter filter) {
        return new RecordFilter(filter.interfaceName(), "FAILED", filter.sourceSystem(), filter.errorClass(),
                filter.from(), filter.to(), filter.q(), filter.problems());
    }

    /** The rows of {@code filter} (their {@code columns}), newest first; {@code args} receives the parameters. */
    static Query select(RecordFilter filter, String columns, UUID before, int size, List<Object> args) {
        String ctes = "";
        StringBuilder sql = new StringBuilder();
        List<String> where = new ArrayList<>();
        UUID receipt = filter.receiptId();
        if (filter.q() != null && receipt == null) {
            args.add(filter.q());
            ctes = MATCHES;
            where.add("receipt_id IN (SELECT receipt_id FROM matches)");
        }
        sql.append("SELECT ").append(columns).append(" FROM staging_record");
        if (receipt != null) {
            where.add(bind("receipt_id = ", receipt, args));
        }
        if (filter.interfaceName() != null) {
            where.add(bind("interface = ", filter.interfaceName(), args));
        }
        if (filter.status() != null) {
            // a literal, not a parameter: the planner must see it to use the index of that status
            where.add("status = '" + filter.status() + "'");
        }
        if (filter.sourceSystem() != null) {
            where.add(bind("source_system = ", filter.sourceSystem(), args));
        }
        if (filter.errorClass() != null) {
            where.add(bind("error_class = ", filter.errorClass(), args));
        }
        if (filter.from() != null) {
            where.add(bind("receipt_id >= ", UuidV7.floor(filter.from()), args));
        }
        if (filter.to() != null) {
            where.add(bind("receipt_id < ", UuidV7.floor(filter.to()), args));
        }
        if (before != null) {
            where.add(bind("receipt_id < ", before, args));
        }
        if (!where.isEmpty()) {
            sql.append("\n WHERE ").append(String.join("\n   AND ", where));
        }
        if (size != Integer.MAX_VALUE) {
            sql.append("\n ORDER BY receipt_id DESC\n LIMIT ").append(size);
        }
        return new Query(ctes, sql.toString());
    }

    private static String bind(String condition, Object value, List<Object> args) {
        args.add(value);
        return condition + "$" + args.size();
    }

    /** A row's attempts that did not end it well (StagingClaimRepository.FAIL and WAIT write them). */
    static final String ATTEMPTS = """
            SELECT at, worker, outcome, error_class, error_message FROM staging_attempt
             WHERE receipt_id = $1 AND interface = $2
             ORDER BY at, id""";

    public Uni<List<History.Entry>> attempts(StagingRowView row) {
        return pool.preparedQuery(ATTEMPTS).execute(Tuple.of(row.receiptId(), row.interfaceName())).map(rows -> {
            List<History.Entry> attempts = new ArrayList<>();
            for (Row r : rows) {
                attempts.add(new History.Entry(r.getOffsetDateTime("at"), "attempt", r.getString("worker"),
                        r.getString("outcome"), r.getString("error_class"), r.getString("error_message")));
            }
            return attempts;
        });
    }

    /** The record's other receipts: same source system and external id, newest sent first. */
    static final String RECEIPTS_OF_RECORD = "SELECT " + StagingRowView.COLUMNS + "\n" + """
             FROM staging_record
             WHERE source_system = $1 AND external_id = $2 AND interface = $3
             ORDER BY sent_at DESC, receipt_id DESC
             LIMIT 50""";

    public Uni<List<StagingRowView>> receiptsOfRecord(InterfaceDefinition d, String sourceSystem, String externalId) {
        return pool.preparedQuery(RECEIPTS_OF_RECORD).execute(Tuple.of(sourceSystem, externalId, d.name()))
                .map(rows -> {
                    List<StagingRowView> receipts = new ArrayList<>();
                    for (Row row : rows) {
                        receipts.add(StagingRowView.of(row));
                    }
                    return receipts;
                });
    }
}
