package org.integrationhub.processor.admin;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The operators' audit log (table {@code operator_action}): who did what, when, to what. Retries and
 * re-applies write theirs in the same statement as the change (see StagingAdminRepository); schedule changes
 * and manual runs through {@link #record}.
 */
@ApplicationScoped
public class AuditLog {

    static final String INSERT = """
            INSERT INTO operator_action (actor, action, target, detail) VALUES ($1, $2, $3, $4)""";

    static final String RECENT = """
            SELECT id, at, actor, action, target, detail FROM operator_action
             WHERE ($1::text IS NULL OR target = $1)
             ORDER BY at DESC, id DESC
             LIMIT $2""";

    /** One operator action. */
    @Schema(name = "OperatorAction")
    public record Entry(@Schema(example = "42") long id, OffsetDateTime at,
                        @Schema(description = "The operator key or account", example = "ops-dev") String actor,
                        @Schema(description = "record.retry, records.retry, record.reapply, job.change, job.run",
                                example = "job.change") String action,
                        @Schema(description = "A receipt id or a job name", example = "process_departments") String target,
                        @Schema(description = "What it did: a retry's filter and count, a change's before and after",
                                type = SchemaType.OBJECT, implementation = Object.class) Map<String, Object> detail) {
    }

    /** A page of the log, newest first, filtered; $4 an id to continue below (the previous page's last). */
    static final String PAGE = """
            SELECT id, at, actor, action, target, detail FROM operator_action
             WHERE ($1::text IS NULL OR actor = $1)
               AND ($2::text IS NULL OR action = $2)
               AND ($3::text IS NULL OR target = $3)
               AND ($4::bigint IS NULL OR id < $4)
             ORDER BY id DESC
             LIMIT $5""";

    /** What operators do, as the log names it. */
    public static final List<String> ACTIONS = List.of("login", "login.failed", "record.retry", "records.retry", "record.reapply",
            "job.change", "job.run");

    @Inject
    Pool pool;

    public Uni<Void> record(String actor, String action, String target, JsonObject detail) {
        return pool.preparedQuery(INSERT).execute(Tuple.of(actor, action, target, detail)).replaceWithVoid();
    }

    /** The newest actions first, optionally only those on one target. */
    public Uni<List<Entry>> recent(String target, int limit) {
        return pool.preparedQuery(RECENT).execute(Tuple.of(target, limit)).map(AuditLog::entries);
    }

    /** A page of the log, newest first: only {@code actor}'s, {@code action}s, on {@code target}, each when set. */
    public Uni<List<Entry>> page(String actor, String action, String target, Long before, int limit) {
        return pool.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(actor, action, target, before, limit)))
                .map(AuditLog::entries);
    }

    private static List<Entry> entries(RowSet<Row> rows) {
        List<Entry> entries = new ArrayList<>();
        for (Row row : rows) {
            Object detail = row.getValue("detail");
            entries.add(new Entry(row.getLong("id"), row.getOffsetDateTime("at"), row.getString("actor"),
                    row.getString("action"), row.getString("target"),
                    detail instanceof JsonObject json ? json.getMap() : Map.of()));
        }
        return entries;
    }
}
