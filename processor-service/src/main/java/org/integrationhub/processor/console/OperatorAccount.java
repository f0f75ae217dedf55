package org.integrationhub.processor.console;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A console account (table {@code operator_account}). Quarkus' form login reads it through
 * quarkus-security-jpa-reactive: the username, the bcrypt hash it checks the password against, and the role,
 * {@link #VIEWER} or {@link #OPERATOR}.
 */
@Entity
@Table(name = "operator_account")
@UserDefinition
public class OperatorAccount extends PanacheEntityBase {

    /** Reads every page. */
    public static final String VIEWER = "viewer";
    /** Also retries, re-applies, edits schedules and runs jobs. */
    public static final String OPERATOR = "operator";

    @Id
    @Username
    public String username;

    /** bcrypt, Modular Crypt Format ({@code $2a$...}). */
    @Password
    @Column(name = "password_hash")
    public String passwordHash;

    @Roles
    public String role;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
