package org.integrationhub.processor.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.integrationhub.common.registry.FieldSpec;
import org.integrationhub.common.registry.FieldType;
import org.integrationhub.common.registry.InterfaceDefinition;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.processor.business.BusinessRecords;
import org.integrationhub.processor.business.Lineage;
import org.integrationhub.processor.business.LineageRepository;
import org.integrationhub.processor.business.ListQuery;
import org.integrationhub.processor.business.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The business records, drawn from the interface registry's declarations: each interface's list with its
 * declared filters, a record with its fields (references linked), its lineage, and, where records have parents
 * of their own kind, the tree below it. A new interface gets these pages without console code.
 */
@Path(ConsoleResource.ROOT + "/business")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({OperatorAccount.VIEWER, OperatorAccount.OPERATOR})
public class BusinessResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance businessList(Chrome chrome, InterfaceDefinition definition,
                                                    List<InterfaceDefinition> interfaces, Page<Map<String, Object>> page,
                                                    Map<String, String> filters, String active, String newer,
                                                    String older);

        static native TemplateInstance businessRecord(Chrome chrome, InterfaceDefinition definition,
                                                      Map<String, Object> record, Lineage lineage,
                                                      List<TreeNode> below);
    }

    @Inject
    Pages pages;
    @Inject
    BusinessRecords records;
    @Inject
    LineageRepository lineage;

    @GET
    public Uni<TemplateInstance> index() {
        return list(InterfaceRegistry.all().get(0).name());
    }

    @GET
    @Path("/{interface}")
    public Uni<TemplateInstance> list(@PathParam("interface") String interfaceName) {
        Chrome chrome = pages.chrome("business");
        InterfaceDefinition d = definition(interfaceName);
        Map<String, String> query = pages.query();
        Map<String, String> filters = new LinkedHashMap<>();
        for (FieldSpec filter : d.filters()) {
            String value = query.get(filter.name());
            boolean known = value != null && !value.isBlank() && value.length() <= RecordFilter.MAX_TEXT
                    && (filter.type() != FieldType.ENUM || filter.allowed().contains(value));
            filters.put(filter.name(), known ? value.strip() : null);
        }
        String active = "false".equals(query.get("active")) || "all".equals(query.get("active")) ? query.get("active") : "true";
        int page = page(query.get("page"));
        ListQuery list = new ListQuery("all".equals(active) ? null : Boolean.valueOf(active), null, page, PAGE_SIZE);
        String base = ConsoleResource.ROOT + "/business/" + d.name() + "?" + queryOf(filters, active) + "&page=";
        return records.list(d, list, filters).map(found -> Templates.businessList(chrome, d, InterfaceRegistry.all(),
                found, filters, active, page > 0 ? base + (page - 1) : null,
                (long) (page + 1) * PAGE_SIZE < found.total() ? base + (page + 1) : null).setLocale(chrome.locale()));
    }

    @GET
    @Path("/{interface}/{code}")
    public Uni<TemplateInstance> record(@PathParam("interface") String interfaceName, @PathParam("code") String code) {
        Chrome chrome = pages.chrome("business");
        InterfaceDefinition d = definition(interfaceName);
        return records.find(d, code).onItem().ifNull().failWith(NotFoundException::new).chain(record ->
                lineage.of(d.name(), (String) record.get("code"), (String) record.get("sourceSystem"),
                                (String) record.get("externalId"))
                        .chain(history -> (records.hasSubtrees(d)
                                ? records.subtree(d, code, true) : Uni.createFrom().item(List.<Map<String, Object>>of()))
                                .map(tree -> Templates.businessRecord(chrome, d, record, history, below(d, tree))
                                        .setLocale(chrome.locale()))));
    }

    /**
     * A record below the one shown, in its subtree.
     *
     * @param depth how far below: 1 for a child
     */
    public record TreeNode(int depth, String code, Object name, boolean active) {
    }

    /** The subtree without its root, as the page lists it. */
    @SuppressWarnings("unchecked")
    static List<TreeNode> below(InterfaceDefinition d, List<Map<String, Object>> subtree) {
        return subtree.stream().filter(node -> ((Integer) node.get("depth")) > 0).map(node -> {
            Map<String, Object> r = (Map<String, Object>) node.get(d.recordLabel());
            return new TreeNode((Integer) node.get("depth"), (String) r.get("code"), r.get("name"),
                    !Boolean.FALSE.equals(r.get("active")));
        }).toList();
    }

    private static InterfaceDefinition definition(String name) {
        return InterfaceRegistry.find(name).orElseThrow(NotFoundException::new);
    }

    private static int page(String value) {
        try {
            return value == null ? 0 : Math.max(0, Math.min(Integer.parseInt(value), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The list's filter as query parameters, for the page links. */
    private static String queryOf(Map<String, String> filters, String active) {
        StringBuilder out = new StringBuilder("active=" + active);
        filters.forEach((name, value) -> {
            if (value != null) {
                out.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return out.toString();
    }
}
