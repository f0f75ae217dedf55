package org.integrationhub.common.registry;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A rule of an interface that its fields and table cannot say (a company with active contacts cannot become
 * a person), checked by the processor inside the row's transaction, after the row's references are resolved
 * and before its CREATE or UPDATE is written. It fails with {@link RuleViolation} to fail the row.
 */
@FunctionalInterface
public interface ApplyRule {

    Uni<Void> check(SqlConnection conn, RuleContext row);
}
