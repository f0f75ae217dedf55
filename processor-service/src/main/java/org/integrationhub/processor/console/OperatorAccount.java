package org.integrationhub.processor.console;

/**
 * A console account (table {@code operator_account}): a username, the bcrypt hash its password is checked against
 * ({@link OperatorAccounts}), and a role, {@link #VIEWER} or {@link #OPERATOR}.
 */
public final class OperatorAccount {

    /** Reads every page. */
    public static final String VIEWER = "viewer";
    /** Also retries, re-applies, edits schedules and runs jobs. */
    public static final String OPERATOR = "operator";

    private OperatorAccount() {
    }
}
