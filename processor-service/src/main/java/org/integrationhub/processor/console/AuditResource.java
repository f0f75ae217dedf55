package org.integrationhub.processor.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.integrationhub.processor.admin.AuditLog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The audit log: every operator action, console or API, newest first, by who, what and on what. */
@Path(ConsoleResource.ROOT + "/audit")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OperatorAccount.VIEWER, OperatorAccount.OPERATOR})
public class AuditResource {

    static final int PAGE_SIZE = 100;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance audit(Chrome chrome, List<AuditLog.Entry> entries, String actor, String action,
                                             String target, List<String> actions, String older);
    }

    @Inject
    Pages pages;
    @Inject
    AuditLog audit;

    @GET
    public Uni<TemplateInstance> list() {
        Chrome chrome = pages.chrome("audit");
        Map<String, String> query = pages.query();
        String actor = RecordFilter.usable(query.get("actor"));
        String action = query.get("action") != null && AuditLog.ACTIONS.contains(query.get("action"))
                ? query.get("action") : null;
        String target = RecordFilter.usable(query.get("target"));
        Long before = number(query.get("before"));
        return audit.page(actor, action, target, before, PAGE_SIZE + 1).map(entries -> {
            String older = null;
            if (entries.size() > PAGE_SIZE) {
                entries = entries.subList(0, PAGE_SIZE);
                older = ConsoleResource.ROOT + "/audit?" + param("actor", actor) + param("action", action)
                        + param("target", target) + "before=" + entries.get(PAGE_SIZE - 1).id();
            }
            return Templates.audit(chrome, entries, actor, action, target, AuditLog.ACTIONS, older)
                    .setLocale(chrome.locale());
        });
    }

    private static String param(String name, String value) {
        return value == null ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8) + "&";
    }

    private static Long number(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
