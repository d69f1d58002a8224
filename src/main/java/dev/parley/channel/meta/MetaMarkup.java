package dev.parley.channel.meta;

import dev.parley.channel.MarkdownText;
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
 * {@code markdown_v1} (chatbot spec §12) as the plain text with markup that WhatsApp, Messenger and Threema show:
 * {@code **x**} → {@code *x*}, {@code _x_} → {@code _x_}, {@code ~~x~~} → {@code ~x~}, code blocks →
 * {@code ```x```} (plain text on Threema, which has no code markup), links → {@code text (url)}; underline, which
 * none shows, becomes plain text; lists and quotes keep their {@code -}, {@code 1.} and {@code >} lines; raw HTML
 * is kept as the literal text it was. {@link Flavor#PLAIN} is the same text without any marks, for channels that
 * show no markup (SMS).
 */
public final class MetaMarkup {
    /**
     * The app the text is for: they differ in code, which WhatsApp shows best as {@code ```x```}, Messenger as
     * {@code `x`}, and Threema not at all; {@code PLAIN} drops every mark (bold, italic, strike, code fences) and
     * keeps the words, links and lines.
     */
    public enum Flavor { WHATSAPP, MESSENGER, THREEMA, PLAIN }

    private MetaMarkup() {}

    /** {@code markdown} rendered for {@code flavor}. */
    public static String render(String markdown, Flavor flavor) {
        Writer writer = new Writer(flavor);
        MarkdownText.PARSER.parse(markdown).accept(writer);
        return writer.text().strip();
    }

    private static final class Writer extends MarkdownText {
        private final Flavor flavor;

        Writer(Flavor flavor) {
            this.flavor = flavor;
        }

        @Override
        public void visit(StrongEmphasis strong) {
            String mark = "__".equals(strong.getOpeningDelimiter()) ? "" : mark("*");
            wrap(strong, mark, mark);
        }

        @Override
        public void visit(Emphasis emphasis) {
            wrap(emphasis, mark("_"), mark("_"));
        }

        @Override
        public void visit(CustomNode node) {
            if (node instanceof Strikethrough) {
                wrap(node, mark("~"), mark("~"));
            } else {
                visitChildren(node);
            }
        }

        @Override
        public void visit(Code code) {
            String fence = switch (flavor) {
                case WHATSAPP -> "```";
                case MESSENGER -> "`";
                case THREEMA, PLAIN -> "";
            };
            emit(fence + code.getLiteral() + fence);
        }

        @Override
        public void visit(Link link) {
            int start = out.length();
            visitChildren(link);
            String label = out.substring(start);
            if (label.isEmpty() || label.equals(link.getDestination())) {
                out.setLength(start);
                emit(link.getDestination());
            } else {
                emit(" (" + link.getDestination() + ")");
            }
        }

        @Override
        public void visit(Heading heading) {
            wrap(heading, mark("*"), mark("*"));
            endBlock(heading);
        }

        @Override
        public void visit(BlockQuote quote) {
            String outer = linePrefix;
            linePrefix = outer + "> ";
            visitChildren(quote);
            linePrefix = outer;
            if (quote.getNext() != null) {
                newLine();
            }
        }

        @Override
        protected void codeBlock(String literal) {
            String fence = flavor == Flavor.THREEMA ? "" : mark("```");
            emit(fence + literal.stripTrailing() + fence);
            newLine();
            newLine();
        }

        /** {@code mark}, or nothing for plain text. */
        private String mark(String mark) {
            return flavor == Flavor.PLAIN ? "" : mark;
        }

        private void wrap(Node node, String open, String close) {
            emit(open);
            visitChildren(node);
            emit(close);
        }
    }
}
