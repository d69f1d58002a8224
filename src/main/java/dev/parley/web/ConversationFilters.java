package dev.parley.web;

import dev.parley.conversation.ConversationStatus;
import dev.parley.error.ClientError;
import dev.parley.operator.ConversationQueries;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The filters of {@code GET /api/v1/conversations} as query parameters — status, assignee, q (contact name,
 * e-mail or conversation id), text (in what was written), channel, from, to (days), cursor — read the same way
 * for the list and its CSV export.
 */
final class ConversationFilters {
    static final int MAX_TEXT = 200;

    private ConversationFilters() {}

    static ConversationQueries.Filter of(Context ctx, int limit) {
        Optional<ConversationStatus> status = Optional.ofNullable(ctx.queryParam("status")).map(s -> {
            if (!List.of("bot", "inbox", "assigned", "ended").contains(s)) {
                throw ClientError.badRequest("invalid_parameter",
                        "status must be one of inbox, assigned, bot, ended, got '" + s + "'", "status");
            }
            return ConversationStatus.fromWire(s);
        });
        Optional<LocalDate> from = day(ctx, "from");
        Optional<LocalDate> to = day(ctx, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ClientError.badRequest("invalid_parameter", "to (" + to.get() + ") is before from (" + from.get()
                    + ")", "to");
        }
        Optional<String> text = param(ctx, "text").map(String::strip);
        if (text.isPresent() && text.get().length() > MAX_TEXT) {
            throw ClientError.badRequest("invalid_parameter", "text must be at most " + MAX_TEXT + " characters, got "
                    + text.get().length(), "text");
        }
        return new ConversationQueries.Filter(status, param(ctx, "assignee"), param(ctx, "q"),
                text.filter(s -> !s.isEmpty()), param(ctx, "channel"),
                from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()), param(ctx, "cursor"), limit);
    }

    private static Optional<String> param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }

    private static Optional<LocalDate> day(Context ctx, String name) {
        return param(ctx, name).map(raw -> {
            try {
                return LocalDate.parse(raw);
            } catch (DateTimeParseException e) {
                throw ClientError.badRequest("invalid_parameter", name + " must be a day as YYYY-MM-DD, got '" + raw
                        + "'", name);
            }
        });
    }
}
