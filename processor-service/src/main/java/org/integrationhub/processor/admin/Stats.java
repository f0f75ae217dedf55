package org.integrationhub.processor.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** Staging rows per interface and status. */
@Schema(name = "StagingStats")
public record Stats(List<InterfaceStats> interfaces) {
}
