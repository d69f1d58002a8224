package dev.parley.channel.standin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Meta's rules for {@code interactive} reply buttons and lists, as its documentation states them. */
final class WhatsAppInteractiveRules {
    private WhatsAppInteractiveRules() {}

    static void check(JsonNode interactive, List<String> problems) {
        WhatsAppStandIn.limit(problems, "interactive.body.text", interactive.path("body").path("text"), 1, 1024);
        if (interactive.has("footer")) {
            WhatsAppStandIn.limit(problems, "interactive.footer.text", interactive.path("footer").path("text"), 1, 60);
        }
        JsonNode header = interactive.path("header");
        if (header.path("type").asText().equals("text")) {
            WhatsAppStandIn.limit(problems, "interactive.header.text", header.path("text"), 1, 60);
        }
        JsonNode action = interactive.path("action");
        switch (interactive.path("type").asText()) {
            case "button" -> buttons(action.path("buttons"), problems);
            case "list" -> {
                if (header.isObject() && !header.path("type").asText().equals("text")) {
                    problems.add("interactive.header.type: a list header must be text");
                }
                WhatsAppStandIn.limit(problems, "interactive.action.button", action.path("button"), 1, 20);
                list(action.path("sections"), problems);
            }
            default -> problems.add("interactive.type: must be button or list");
        }
    }

    private static void buttons(JsonNode buttons, List<String> problems) {
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
            problems.add("interactive.action.buttons: 1 to 3 buttons");
            return;
        }
        List<String> titles = new ArrayList<>();
        for (JsonNode button : buttons) {
            WhatsAppStandIn.limit(problems, "button.reply.title", button.path("reply").path("title"), 1, 20);
            WhatsAppStandIn.limit(problems, "button.reply.id", button.path("reply").path("id"), 1, 256);
            titles.add(button.path("reply").path("title").asText());
        }
        WhatsAppStandIn.unique(problems, "button.reply.title", titles);
    }

    private static void list(JsonNode sections, List<String> problems) {
        if (!sections.isArray() || sections.isEmpty() || sections.size() > 10) {
            problems.add("interactive.action.sections: 1 to 10 sections");
            return;
        }
        int rows = 0;
        List<String> ids = new ArrayList<>();
        for (JsonNode section : sections) {
            if (section.has("title") || sections.size() > 1) {
                WhatsAppStandIn.limit(problems, "section.title", section.path("title"), 1, 24);
            }
            for (JsonNode row : section.path("rows")) {
                WhatsAppStandIn.limit(problems, "row.title", row.path("title"), 1, 24);
                WhatsAppStandIn.limit(problems, "row.id", row.path("id"), 1, 200);
                if (row.has("description")) {
                    WhatsAppStandIn.limit(problems, "row.description", row.path("description"), 1, 72);
                }
                ids.add(row.path("id").asText());
                rows++;
            }
        }
        if (rows < 1 || rows > 10) {
            problems.add("interactive.action.sections: 1 to 10 rows in all, got " + rows);
        }
        WhatsAppStandIn.unique(problems, "row.id", ids);
    }
}
