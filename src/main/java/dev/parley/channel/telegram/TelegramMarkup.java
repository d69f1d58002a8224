package dev.parley.channel.telegram;

import dev.parley.channel.MarkdownText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;

/**
 * {@code markdown_v1} (chatbot spec §12) as Telegram text with entities: {@code **x**} → bold, {@code _x_} →
 * italic, {@code __x__} → underline, {@code ~~x~~} → strikethrough, inline code → code, code blocks → pre,
 * {@code [text](https://…)} → text_link, quotes → blockquote, headings → bold; lists keep their {@code -} and
 * {@code 1.} lines. The characters of the text stay as they are: entities need no escaping.
 */
public final class TelegramMarkup {
    private TelegramMarkup() {}

    /** {@code markdown} as Telegram text with entities. */
    public static TelegramText render(String markdown) {
        Writer writer = new Writer();
        MarkdownText.PARSER.parse(markdown).accept(writer);
        return writer.result();
    }

    private static final class Writer extends MarkdownText {
        private final List<TelegramText.Entity> entities = new ArrayList<>();

        TelegramText result() {
            String text = out.toString();
            int lead = 0;
            while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
                lead++;
            }
            String stripped = text.strip();
            List<TelegramText.Entity> kept = new ArrayList<>();
            for (TelegramText.Entity e : entities) {
                int start = Math.max(0, e.offset() - lead);
                int end = Math.min(stripped.length(), e.offset() + e.length() - lead);
                if (end > start) {
                    kept.add(new TelegramText.Entity(e.type(), start, end - start, e.url()));
                }
            }
            return new TelegramText(stripped, kept);
        }

        @Override
        public void visit(StrongEmphasis strong) {
            mark(strong, "__".equals(strong.getOpeningDelimiter()) ? "underline" : "bold", Optional.empty());
        }

        @Override
        public void visit(Emphasis emphasis) {
            mark(emphasis, "italic", Optional.empty());
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof Strikethrough) {
                mark(node, "strikethrough", Optional.empty());
            } else {
                visitChildren(node);
            }
        }

        @Override
        public void visit(Code code) {
            int start = position();
            emit(code.getLiteral());
            entity("code", start, Optional.empty());
        }

        @Override
        public void visit(Link link) {
            String url = link.getDestination();
            int start = position();
            visitChildren(link);
            String label = out.substring(start);
            if (label.isEmpty() || label.equals(url)) {
                entities.removeIf(e -> e.offset() >= start);
                out.setLength(start);
                emit(url);
            } else if (url.startsWith("https://") || url.startsWith("http://")) {
                entity("text_link", start, Optional.of(url));
            } else {
                emit(" (" + url + ")");
            }
        }

        @Override
        public void visit(Heading heading) {
            mark(heading, "bold", Optional.empty());
            endBlock(heading);
        }

        @Override
        public void visit(BlockQuote quote) {
            int start = position();
            visitChildren(quote);
            int end = out.length();
            while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            if (end > start) {
                entities.add(new TelegramText.Entity("blockquote", start, end - start, Optional.empty()));
            }
            if (quote.getNext() != null && !out.toString().endsWith("\n\n")) {
                newLine();
            }
        }

        @Override
        protected void codeBlock(String literal) {
            int start = position();
            emit(literal.stripTrailing());
            entity("pre", start, Optional.empty());
            newLine();
            newLine();
        }

        private void mark(Node node, String type, Optional<String> url) {
            int start = position();
            visitChildren(node);
            entity(type, start, url);
        }

        private void entity(String type, int start, Optional<String> url) {
            if (out.length() > start) {
                entities.add(new TelegramText.Entity(type, start, out.length() - start, url));
            }
        }
    }
}
