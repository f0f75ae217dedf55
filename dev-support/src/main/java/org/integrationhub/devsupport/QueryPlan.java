package org.integrationhub.devsupport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The plan PostgreSQL chooses for a statement, for tests that hold a query to its index. */
public final class QueryPlan {

    private QueryPlan() {
    }

    /** The lines of {@code EXPLAIN sql}, one plan node a line. */
    public static String explain(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
