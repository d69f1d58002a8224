package dev.parley.channel.whatsapp;

import dev.parley.channel.whatsapp.WhatsAppInbound.MediaKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Parley can send on WhatsApp, each with the problems Meta would refuse it for ({@link #problems()}, empty
 * when it is sendable): {@link WhatsAppRequests} builds the request only for a message without problems.
 */
public sealed interface WhatsAppMessage {

    /** Every limit this message breaks, each naming the request field and the rule. */
    List<String> problems();

    /** A {@code text} message. */
    record Text(String body, boolean previewUrl) implements WhatsAppMessage {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            WhatsAppLimits.text(problems, "text.body", body, WhatsAppLimits.TEXT_BODY);
            return problems;
        }
    }

    /** Interactive reply buttons: 1–3 buttons, unique titles of at most 20 characters. */
    record Buttons(String body, Optional<Header> header, Optional<String> footer, List<Reply> replies)
            implements WhatsAppMessage {
        public Buttons {
            replies = List.copyOf(replies);
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            WhatsAppLimits.text(problems, "interactive.body.text", body, WhatsAppLimits.INTERACTIVE_BODY);
            header.ifPresent(h -> h.check(problems));
            WhatsAppLimits.optional(problems, "interactive.footer.text", footer, WhatsAppLimits.FOOTER);
            WhatsAppLimits.count(problems, "interactive.action.buttons", replies.size(), 1,
                    WhatsAppLimits.REPLY_BUTTONS);
            Set<String> titles = new HashSet<>();
            for (int i = 0; i < replies.size(); i++) {
                String at = "interactive.action.buttons[" + i + "].reply.";
                WhatsAppLimits.text(problems, at + "id", replies.get(i).id(), WhatsAppLimits.BUTTON_ID);
                WhatsAppLimits.text(problems, at + "title", replies.get(i).title(), WhatsAppLimits.BUTTON_TITLE);
                if (!titles.add(replies.get(i).title())) {
                    problems.add(at + "title: must be unique within the message");
                }
            }
            return problems;
        }
    }

    /** One reply button: {@code id} comes back in the webhook, {@code title} is what the user sees. */
    record Reply(String id, String title) {}

    /** An interactive list: one button opening up to 10 rows in up to 10 sections. */
    record ListMessage(String body, Optional<String> header, Optional<String> footer, String button,
            List<Section> sections) implements WhatsAppMessage {
        public ListMessage {
            sections = List.copyOf(sections);
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            WhatsAppLimits.text(problems, "interactive.body.text", body, WhatsAppLimits.INTERACTIVE_BODY);
            WhatsAppLimits.optional(problems, "interactive.header.text", header, WhatsAppLimits.HEADER_TEXT);
            WhatsAppLimits.optional(problems, "interactive.footer.text", footer, WhatsAppLimits.FOOTER);
            WhatsAppLimits.text(problems, "interactive.action.button", button, WhatsAppLimits.LIST_BUTTON);
            WhatsAppLimits.count(problems, "interactive.action.sections", sections.size(), 1,
                    WhatsAppLimits.LIST_SECTIONS);
            int rows = 0;
            for (int s = 0; s < sections.size(); s++) {
                Section section = sections.get(s);
                String at = "interactive.action.sections[" + s + "].";
                if (sections.size() > 1 && section.title().isEmpty()) {
                    problems.add(at + "title: is required when there is more than one section");
                }
                WhatsAppLimits.optional(problems, at + "title", section.title(), WhatsAppLimits.SECTION_TITLE);
                WhatsAppLimits.count(problems, at + "rows", section.rows().size(), 1, WhatsAppLimits.LIST_ROWS);
                for (int r = 0; r < section.rows().size(); r++) {
                    Row row = section.rows().get(r);
                    String rowAt = at + "rows[" + r + "].";
                    WhatsAppLimits.text(problems, rowAt + "id", row.id(), WhatsAppLimits.ROW_ID);
                    WhatsAppLimits.text(problems, rowAt + "title", row.title(), WhatsAppLimits.ROW_TITLE);
                    WhatsAppLimits.optional(problems, rowAt + "description", row.description(),
                            WhatsAppLimits.ROW_DESCRIPTION);
                }
                rows += section.rows().size();
            }
            if (rows > WhatsAppLimits.LIST_ROWS) {
                problems.add("interactive.action.sections: at most " + WhatsAppLimits.LIST_ROWS
                        + " rows in all sections, got " + rows);
            }
            return problems;
        }
    }

    /** A list section; its title is required when the list has several. */
    record Section(Optional<String> title, List<Row> rows) {
        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** A list row. */
    record Row(String id, String title, Optional<String> description) {}

    /** Image, audio, video, document or sticker, by a public link or an uploaded media id. */
    record Media(MediaKind kind, MediaSource source, Optional<String> caption, Optional<String> filename)
            implements WhatsAppMessage {
        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            String type = kind.name().toLowerCase(java.util.Locale.ROOT);
            boolean captioned = kind == MediaKind.IMAGE || kind == MediaKind.VIDEO || kind == MediaKind.DOCUMENT;
            if (caption.isPresent() && !captioned) {
                problems.add(type + ".caption: only image, video and document take a caption");
            }
            WhatsAppLimits.optional(problems, type + ".caption", caption, WhatsAppLimits.CAPTION);
            if (filename.isPresent() && kind != MediaKind.DOCUMENT) {
                problems.add(type + ".filename: only a document takes a file name");
            }
            return problems;
        }
    }

    /** An approved template (the only message allowed outside the 24-hour window). */
    record Template(String name, String language, List<TemplateComponent> components) implements WhatsAppMessage {
        public Template {
            components = List.copyOf(components);
        }

        @Override
        public List<String> problems() {
            List<String> problems = new ArrayList<>();
            WhatsAppLimits.text(problems, "template.name", name, WhatsAppLimits.TEMPLATE_NAME);
            WhatsAppLimits.text(problems, "template.language.code", language, 16);
            return problems;
        }
    }
}
