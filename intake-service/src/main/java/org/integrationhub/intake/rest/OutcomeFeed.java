package org.integrationhub.intake.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.integrationhub.common.model.RecordStatus;
import org.integrationhub.common.problem.ErrorCode;
import org.integrationhub.common.problem.FieldError;
import org.integrationhub.common.problem.ProblemException;
import org.integrationhub.common.problem.ProblemType;
import org.integrationhub.common.registry.InterfaceRegistry;
import org.integrationhub.common.staging.Receipt;
import org.integrationhub.intake.repository.OutcomeFeedRepository.Position;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The outcome feed's request (its query parameters, checked) and its page. */
final class OutcomeFeed {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** What a cursor says, before base64url: its version, the deciding transaction, the receipt id. */
    private static final String CURSOR_VERSION = "1";

    private OutcomeFeed() {
    }

    /** The feed's parameters, each checked: a 400 names every one that is wrong. */
    record Query(Set<RecordStatus> statuses, List<String> interfaces, Position after, int limit) {

        static Query of(String status, String interfaces, String after, String limit) {
            List<FieldError> errors = new ArrayList<>();
            Query query = new Query(statuses(status, errors), interfaces(interfaces, errors), position(after, errors),
                    limit(limit, errors));
            if (!errors.isEmpty()) {
                throw new ProblemException(ProblemType.MALFORMED_REQUEST, errors.get(0).message(), errors);
            }
            return query;
        }

        private static Set<RecordStatus> statuses(String status, List<FieldError> errors) {
            Set<RecordStatus> statuses = EnumSet.noneOf(RecordStatus.class);
            for (String name : list(status)) {
                RecordStatus s = outcome(name);
                if (s == null) {
                    errors.add(new FieldError("status", ErrorCode.INVALID_VALUE, "status must list outcomes among "
                            + "PROCESSED, FAILED and SKIPPED, separated by commas; '" + name + "' is not one"));
                    return Set.of();
                }
                statuses.add(s);
            }
            return statuses;
        }

        private static RecordStatus outcome(String name) {
            for (RecordStatus s : List.of(RecordStatus.PROCESSED, RecordStatus.FAILED, RecordStatus.SKIPPED)) {
                if (s.name().equals(name)) {
                    return s;
                }
            }
            return null;
        }

        private static List<String> interfaces(String interfaces, List<FieldError> errors) {
            List<String> names = new ArrayList<>(list(interfaces));
            for (String name : names) {
                if (InterfaceRegistry.find(name).isEmpty()) {
                    errors.add(new FieldError("interface", ErrorCode.INVALID_VALUE, "interface must list interfaces "
                            + "of GET /api/v1/interfaces, separated by commas; '" + name + "' is not one"));
                    return List.of();
                }
            }
            return names;
        }

        private static Position position(String after, List<FieldError> errors) {
            if (after == null || after.isEmpty()) {
                return Position.START;
            }
            Position position = decode(after);
            if (position == null) {
                errors.add(new FieldError("after", ErrorCode.INVALID_VALUE,
                        "after must be a cursor this feed answered as next"));
                return Position.START;
            }
            return position;
        }

        private static int limit(String limit, List<FieldError> errors) {
            if (limit == null || limit.isEmpty()) {
                return DEFAULT_LIMIT;
            }
            try {
                int n = Integer.parseInt(limit);
                if (n >= 1 && n <= MAX_LIMIT) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            errors.add(new FieldError("limit", ErrorCode.INVALID_VALUE, "limit must be a whole number from 1 to " + MAX_LIMIT));
            return DEFAULT_LIMIT;
        }

        private static Set<String> list(String commaSeparated) {
            Set<String> items = new LinkedHashSet<>();
            if (commaSeparated != null) {
                for (String item : commaSeparated.split(",", -1)) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return items;
        }
    }

    @Schema(name = "OutcomePage", description = "Outcomes in the order they were decided, and the cursor to read on from",
            requiredProperties = {"items", "next", "more"})
    record Page(
            @Schema(description = "Receipts whose outcome (PROCESSED, FAILED or SKIPPED) was decided after the cursor, "
                    + "oldest decision first; a row retried by an operator appears again with its new outcome")
            List<Receipt> items,
            @Schema(description = "Pass it back as after to read on. It moves on even when the page is empty (past "
                    + "outcomes that were decided and did not match the filter), so keep the newest one",
                    example = "MS4xMjM0NS4wMTkzZmEwMC0wMDAwLTcwMDAtODAwMC0wMDAwMDAwMDAwMDE")
            String next,
            @Schema(description = "true when the page is full and more outcomes may follow at once") boolean more) {
    }

    /** A cursor past every transaction the database knows: it was restored from a backup since. */
    static ProblemException aheadOfTheDatabase() {
        String message = "after is ahead of the hub's database, which was restored from an earlier state since it was "
                + "handed out; read the feed again from its beginning (without after) or reconcile";
        return new ProblemException(ProblemType.MALFORMED_REQUEST, message,
                List.of(new FieldError("after", ErrorCode.INVALID_VALUE, message)));
    }

    static String encode(Position position) {
        String plain = CURSOR_VERSION + "." + Long.toUnsignedString(position.xid()) + "." + position.receiptId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names, or null when it is not one of this feed's. */
    static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\.", -1);
            if (parts.length != 3 || !CURSOR_VERSION.equals(parts[0])) {
                return null;
            }
            return new Position(Long.parseUnsignedLong(parts[1]), UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
