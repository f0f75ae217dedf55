package org.integrationhub.processor.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.integrationhub.common.model.ErrorClass;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.admin.AuditLog;
import org.integrationhub.processor.admin.StagingAdminRepository;
import org.integrationhub.processor.admin.StagingAdminRepository.RetryFilter;
import org.integrationhub.processor.admin.StagingRowView;
import org.integrationhub.processor.business.BusinessRecords;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The records pages: every staging row, filtered and searched, newest first in keyset pages; a row with its
 * payload, error, history and the record's other receipts; and the operator's repairs: retry a FAILED row,
 * re-apply a SKIPPED one, retry every FAILED row of a filter after seeing how many.
 */
@Path(ConsoleResource.ROOT + "/records")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OperatorAccount.VIEWER, OperatorAccount.OPERATOR})
public class RecordsResource {

    static final int PAGE_SIZE = 50;
    /** A repair, and the word its row's page is told it with. */
    static final Map<String, String> DONE = Map.of("retry", "retried", "reapply", "reapplied");

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance records(Chrome chrome, RecordFilter filter, List<StagingRowView> rows,
                                               String older, List<String> interfaces, RecordStatus[] statuses,
                                               ErrorClass[] errorClasses, Long retried);

        static native TemplateInstance record(Chrome chrome, StagingRowView row, String payload, String businessLink,
                                              List<StagingRowView> receipts, List<History.Entry> history, String done);

        static native TemplateInstance retry(Chrome chrome, RecordFilter filter, long count);
    }

    @Inject
    BusinessRecords business;
    @Inject
    Pages pages;
    @Inject
    RecordSearch search;
    @Inject
    StagingAdminRepository staging;
    @Inject
    AuditLog audit;

    @GET
    public Uni<TemplateInstance> list(@QueryParam("before") String before, @QueryParam("retried") Long retried) {
        Chrome chrome = pages.chrome("records");
        RecordFilter filter = RecordFilter.parse(pages.query());
        return search.page(filter, uuid(before), PAGE_SIZE + 1).map(rows -> {
            String older = null;
            if (rows.size() > PAGE_SIZE) {
                rows = rows.subList(0, PAGE_SIZE);
                String query = filter.query();
                older = ConsoleResource.ROOT + "/records?" + (query.isEmpty() ? "" : query + "&") + "before="
                        + rows.get(PAGE_SIZE - 1).receiptId();
            }
            return Templates.records(chrome, filter, rows, older,
                    InterfaceRegistry.all().stream().map(InterfaceDefinition::name).toList(), RecordStatus.values(),
                    ErrorClass.values(), retried).setLocale(chrome.locale());
        });
    }

    @GET
    @Path("/{receiptId}")
    public Uni<TemplateInstance> row(@PathParam("receiptId") String receiptId, @QueryParam("done") String done) {
        Chrome chrome = pages.chrome("records");
        UUID id = uuid(receiptId);
        if (id == null) {
            throw new NotFoundException();
        }
        return staging.find(id).onItem().ifNull().failWith(NotFoundException::new).chain(row -> {
            InterfaceDefinition d = InterfaceRegistry.get(row.interfaceName());
            return search.receiptsOfRecord(d, row.sourceSystem(), row.externalId())
                    .chain(receipts -> search.attempts(row).chain(attempts -> audit.recent(id.toString(), 100)
                            .chain(actions -> businessLink(d, row).map(link -> Templates.record(chrome, row,
                                    Json.pretty(row.data()), link, receipts, History.of(row, attempts, actions),
                                    done != null && DONE.containsValue(done) ? done : null)
                            .setLocale(chrome.locale())))));
        });
    }

    /**
     * A repair of one row, then back to its page, which says whether it happened: {@code retry} puts a FAILED
     * row back to PENDING; {@code reapply} puts a SKIPPED one back to be applied on purpose (its sentAt becomes
     * the record's fence). Both are audited in the statement that makes them.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/{receiptId}/{action:retry|reapply}")
    @RolesAllowed(OperatorAccount.OPERATOR)
    public Uni<Response> repair(@PathParam("receiptId") String receiptId, @PathParam("action") String action) {
        UUID id = required(receiptId);
        Uni<Boolean> changed = "retry".equals(action)
                ? staging.retry(id, new RetryFilter(null, null, null, null), user()).map(n -> n == 1)
                : staging.reapply(id, user());
        return changed.map(done -> back(id, done ? DONE.get(action) : null));
    }

    /** Before a bulk retry: how many FAILED rows the filter holds, and a button to retry them. */
    @GET
    @Path("/retry")
    @RolesAllowed(OperatorAccount.OPERATOR)
    public Uni<TemplateInstance> confirmRetry() {
        Chrome chrome = pages.chrome("records");
        RecordFilter filter = RecordFilter.parse(pages.query());
        return search.failedCount(filter).map(count -> Templates.retry(chrome, filter, count).setLocale(chrome.locale()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Path("/retry")
    @RolesAllowed(OperatorAccount.OPERATOR)
    public Uni<Response> retryFiltered(@RestForm("interface") String interfaceName, @RestForm String status,
                                       @RestForm String sourceSystem, @RestForm String errorClass,
                                       @RestForm String from, @RestForm String to, @RestForm String q) {
        Map<String, String> form = new HashMap<>();
        form.put("interface", interfaceName);
        form.put("sourceSystem", sourceSystem);
        form.put("errorClass", errorClass);
        form.put("from", from);
        form.put("to", to);
        form.put("q", q);
        RecordFilter filter = RecordFilter.parse(form);
        return search.retryFailed(filter, user()).map(n -> {
            String query = filter.query();
            return Response.seeOther(URI.create(ConsoleResource.ROOT + "/records?" + (query.isEmpty() ? "" : query + "&")
                    + "retried=" + n)).build();
        });
    }

    private String user() {
        return pages.user();
    }

    private static Response back(UUID id, String done) {
        return Response.seeOther(URI.create(ConsoleResource.ROOT + "/records/" + id + (done == null ? "" : "?done=" + done)))
                .build();
    }

    /**
     * The business record the row's data names, when its interface has records by code and that record exists
     * (a CREATE that failed, or has not been applied yet, names one that may not).
     */
    private Uni<String> businessLink(InterfaceDefinition d, StagingRowView row) {
        Object code = row.data() == null ? null : row.data().get("code");
        if (!(code instanceof String c)) {
            return Uni.createFrom().nullItem();
        }
        return business.find(d, c).map(record -> record == null ? null : ConsoleResource.ROOT + "/business/" + d.name() + "/"
                + URLEncoder.encode(c, StandardCharsets.UTF_8));
    }

    private static UUID required(String receiptId) {
        UUID id = uuid(receiptId);
        if (id == null) {
            throw new NotFoundException();
        }
        return id;
    }

    static UUID uuid(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
