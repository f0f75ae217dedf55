package org.integrationhub.processor.business;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A department as the read API sees it; written only by {@link DepartmentWriteRepository}. */
@Entity
@Table(name = "department")
public class Department {

    @Id
    public Long id;

    public String code;

    public String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Department parent;

    @Column(name = "cost_center")
    public String costCenter;

    public boolean active;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(name = "external_id")
    public String externalId;

    @Column(name = "last_sent_at")
    public OffsetDateTime lastSentAt;

    @Column(name = "last_receipt_id")
    public UUID lastReceiptId;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
