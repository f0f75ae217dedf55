package org.integrationhub.common.staging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.Operation;
import org.integrationhub.common.model.RecordStatus;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A staging row, read through Hibernate Reactive (receipts, operator listings). Writes on the hot
 * paths (intake inserts, claiming and marking) go through the SQL of the repositories instead.
 * The raw payload is not mapped: readers of receipts never need it.
 */
@Entity
@Table(name = "staging_record")
public class StagingRecord {

    @Id
    @Column(name = "receipt_id")
    public UUID receiptId;

    @Column(name = "interface", insertable = false, updatable = false)
    public String interfaceName;

    @Column(name = "source_system")
    public String sourceSystem;

    @Column(name = "external_id")
    public String externalId;

    @Enumerated(EnumType.STRING)
    public Operation operation;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Enumerated(EnumType.STRING)
    public RecordStatus status;

    @Column(name = "error_class")
    @Enumerated(EnumType.STRING)
    public ErrorClass errorClass;

    @Column(name = "error_message")
    public String errorMessage;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "processed_at")
    public OffsetDateTime processedAt;

    @Column(name = "trace_parent")
    public String traceParent;

    public int attempts;
}
