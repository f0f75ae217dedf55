package org.integrationhub.processor.business;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads departments for the operator API. */
@ApplicationScoped
@WithSession
public class DepartmentReadRepository implements PanacheRepositoryBase<Department, Long> {

    /** The active department with this code, else the most recently archived one. */
    public Uni<Department> findByCode(String code) {
        return find("from Department d left join fetch d.parent where d.code = ?1 "
                + "order by d.active desc, d.updatedAt desc", code).firstResult();
    }
}
