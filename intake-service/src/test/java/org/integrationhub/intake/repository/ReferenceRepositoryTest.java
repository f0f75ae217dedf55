package org.integrationhub.intake.repository;

import org.integrationhub.common.registry.ReferenceKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A reference kind added to the registry without its lookup would fail every record that uses it. */
class ReferenceRepositoryTest {

    @Test
    void everyReferenceKindHasItsLookup() {
        for (ReferenceKind kind : ReferenceKind.values()) {
            assertThat(ReferenceRepository.EXISTING).as("lookup SQL for %s", kind).containsKey(kind);
            if (kind.stagedInterface() != null) {
                assertThat(ReferenceRepository.EXISTING.get(kind))
                        .as("%s also looks among rows staged in %s", kind, kind.stagedInterface())
                        .contains("interface = '" + kind.stagedInterface() + "'");
            }
        }
    }
}
