package org.integrationhub.e2e.faults;

import org.integrationhub.e2e.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The records a scenario sends, as a partner HIS sends them: department trees whose children name a parent
 * sent just before them, employees naming departments that were just sent (and may still wait in staging),
 * partner companies with their contacts, and chains of UPDATEs of one record with increasing sentAt.
 *
 * <p>A round is 2,500 records in batches of up to {@code batchSize}, to be sent in order by one client
 * (a batch's references point only at records of earlier batches or earlier in the same batch); rounds are
 * independent of each other and may be sent in parallel. Every record carries a messageId, so a client can
 * resend a batch whose answer it did not get.
 */
final class Workload {

    static final String SOURCE = "HIS";
    static final int ROUND_SIZE = 2_500;

    /** One envelope; {@code data} is empty for a DELETE. */
    record Envelope(String messageId, String iface, String externalId, String operation, Instant sentAt,
                    Map<String, Object> data) {

        Map<String, Object> json() {
            return Json.object("sourceSystem", SOURCE, "externalId", externalId, "operation", operation,
                    "sentAt", sentAt.toString(), "messageId", messageId, "data", data);
        }
    }

    /** Up to 1,000 envelopes of one interface, posted together. */
    record Batch(String iface, List<Envelope> records) {
    }

    /** sentAt for every envelope of the run: one millisecond apart, in the order they are generated. */
    static final class SentClock {
        private final Instant base;
        private final AtomicLong tick = new AtomicLong();

        SentClock(Instant base) {
            this.base = base;
        }

        Instant next() {
            return base.plusMillis(tick.incrementAndGet());
        }
    }

    private final String prefix;
    private final SentClock clock;
    private final AtomicLong messages = new AtomicLong();

    /** @param prefix starts every code and messageId of this workload (a scenario's own records) */
    Workload(String prefix, SentClock clock) {
        this.prefix = prefix;
        this.clock = clock;
    }

    /** {@code rounds} rounds of 2,500 records, each a list of batches to send in order. */
    List<List<Batch>> rounds(int rounds, int batchSize) {
        List<List<Batch>> all = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            all.add(round(r, batchSize));
        }
        return all;
    }

    private List<Batch> round(int r, int batchSize) {
        String p = prefix + "-" + r + "-";
        List<Batch> batches = new ArrayList<>();

        // departments: 200 roots, 400 children of roots, 200 grandchildren, 200 updates in chains of 4
        List<Envelope> departments = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        List<String> children = new ArrayList<>();
        Map<String, Map<String, Object>> lastDepartment = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            String code = p + "D" + i;
            roots.add(code);
            Map<String, Object> data = data("code", code, "name", "Hospital " + code, "costCenter", "CC-" + i);
            departments.add(envelope("departments", code, "CREATE", data));
            lastDepartment.put(code, data);
            for (int c = 0; c < 2; c++) {
                String child = code + "-" + c;
                children.add(child);
                Map<String, Object> childData = data("code", child, "name", "Ward " + child, "parentCode", code);
                departments.add(envelope("departments", child, "CREATE", childData));
                lastDepartment.put(child, childData);
            }
            String grandchild = code + "-0-U";
            Map<String, Object> unit = data("code", grandchild, "name", "Unit " + grandchild, "parentCode", code + "-0");
            departments.add(envelope("departments", grandchild, "CREATE", unit));
            lastDepartment.put(grandchild, unit);
        }
        // 50 children renamed three times and moved to another root on the fourth change
        for (int step = 1; step <= 4; step++) {
            for (int i = 0; i < 50; i++) {
                String child = children.get(i * 8 + 1);
                String parent = step == 4 ? roots.get((i * 4 + 7) % roots.size()) : roots.get(i * 4);
                Map<String, Object> data = data("code", child, "name", "Ward " + child + " v" + (step + 1),
                        "parentCode", parent, "costCenter", "CC-U" + step);
                departments.add(envelope("departments", child, "UPDATE", data));
                lastDepartment.put(child, data);
            }
        }
        split("departments", departments, batchSize, batches);

        // employees: 700 in the departments just sent, then 100 of them changed three times (20 deleted at the end)
        List<Envelope> employees = new ArrayList<>();
        List<String> departmentCodes = new ArrayList<>(lastDepartment.keySet());
        for (int i = 0; i < 700; i++) {
            String code = p + "E" + i;
            employees.add(envelope("employees", code, "CREATE", employee(code, departmentCodes.get(i % departmentCodes.size()),
                    "Nurse", 0)));
        }
        for (int step = 1; step <= 3; step++) {
            for (int i = 0; i < 100; i++) {
                String code = p + "E" + (i * 7);
                if (step == 3 && i < 20) {
                    employees.add(envelope("employees", code, "DELETE", Map.of()));
                } else {
                    employees.add(envelope("employees", code, "UPDATE", employee(code,
                            departmentCodes.get((i * 13 + step * 101) % departmentCodes.size()),
                            step == 3 ? "Head nurse" : "Senior nurse", step)));
                }
            }
        }
        split("employees", employees, batchSize, batches);

        // partners: 100 companies with 2.5 contacts each on average, then 50 of them changed three times
        List<Envelope> partners = new ArrayList<>();
        List<String> companies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String company = p + "C" + i;
            companies.add(company);
            partners.add(envelope("partners", company, "CREATE", data("code", company, "name", "Supplier " + company,
                    "type", "COMPANY", "categoryCode", i % 2 == 0 ? "SUPPLIER" : "MANUFACTURER")));
            for (int c = 0; c < (i % 2 == 0 ? 2 : 3); c++) {
                String contact = company + "-P" + c;
                partners.add(envelope("partners", contact, "CREATE", data("code", contact, "name", "Contact " + contact,
                        "type", "PERSON", "categoryCode", "SUPPLIER", "parentCode", company,
                        "email", contact.toLowerCase() + "@supplier.example")));
            }
        }
        for (int step = 1; step <= 3; step++) {
            for (int i = 0; i < 50; i++) {
                String company = companies.get(i * 2);
                partners.add(envelope("partners", company, "UPDATE", data("code", company,
                        "name", "Supplier " + company + " v" + (step + 1), "type", "COMPANY",
                        "categoryCode", step == 3 ? "CUSTOMER" : "SUPPLIER", "email", "orders" + step + "@supplier.example")));
            }
        }
        split("partners", partners, batchSize, batches);
        return batches;
    }

    private Map<String, Object> employee(String code, String department, String title, int version) {
        return data("code", code, "name", "Employee " + code + (version == 0 ? "" : " v" + (version + 1)),
                "departmentCode", department, "title", title, "email", code.toLowerCase() + "@hospital.example");
    }

    private Envelope envelope(String iface, String externalId, String operation, Map<String, Object> data) {
        return new Envelope(prefix + "-m" + messages.incrementAndGet(), iface, externalId, operation, clock.next(), data);
    }

    private static void split(String iface, List<Envelope> records, int batchSize, List<Batch> into) {
        for (int from = 0; from < records.size(); from += batchSize) {
            into.add(new Batch(iface, List.copyOf(records.subList(from, Math.min(records.size(), from + batchSize)))));
        }
    }

    private static Map<String, Object> data(Object... pairs) {
        return Json.object(pairs);
    }
}
