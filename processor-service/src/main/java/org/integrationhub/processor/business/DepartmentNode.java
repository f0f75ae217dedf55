package org.integrationhub.processor.business;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department in a subtree, with its depth below the subtree's root. */
@Schema(name = "DepartmentNode")
public record DepartmentNode(
        @Schema(description = "0 for the root, 1 for its children, ...", example = "1") int depth,
        DepartmentView department) {
}
