package dev.parley.channel;

import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * What every messaging app's rendering of {@code markdown_v1} (chatbot spec §12) shares: the text of paragraphs,
 * line breaks, lists (which keep their {@code -} and {@code 1.} markers, their items indented under them), rules
 * ({@code ---}) and raw HTML (kept as the literal text it was). Subclasses render what the apps differ in: the
 * inline marks, links, headings, quotes and code.
 */
public abstract class MarkdownText extends AbstractVisitor {
    /** {@code markdown_v1} as the apps' renderings read it: CommonMark with {@code ~~strikethrough~~}. */
    public static final Parser PARSER = Parser.builder().extensions(List.of(StrikethroughExtension.create())).build();

    /** The text so far. */
    protected final StringBuilder out = new StringBuilder();
    /** What each new line starts with (a quote's {@code > }, a list item's indent). */
    protected String linePrefix = "";
    private boolean atLineStart = true;

    /** The text written so far. */
    public final String text() {
        return out.toString();
    }

    /** A code block's text, however it was written (fenced or indented). */
    protected abstract void codeBlock(String literal);

    @Override
    public void visit(Text text) {
        emit(text.getLiteral());
    }

    @Override
    public void visit(Paragraph paragraph) {
        visitChildren(paragraph);
        endBlock(paragraph);
    }

    @Override
    public void visit(FencedCodeBlock block) {
        codeBlock(block.getLiteral());
    }

    @Override
    public void visit(IndentedCodeBlock block) {
        codeBlock(block.getLiteral());
    }

    @Override
    public void visit(BulletList list) {
        items(list, false, 1);
    }

    @Override
    public void visit(OrderedList list) {
        Integer start = list.getMarkerStartNumber();
        items(list, true, start == null ? 1 : start);
    }

    @Override
    public void visit(SoftLineBreak lineBreak) {
        newLine();
    }

    @Override
    public void visit(HardLineBreak lineBreak) {
        newLine();
    }

    @Override
    public void visit(ThematicBreak thematicBreak) {
        emit("---");
        endBlock(thematicBreak);
    }

    @Override
    public void visit(HtmlInline html) {
        emit(html.getLiteral());
    }

    @Override
    public void visit(HtmlBlock html) {
        emit(html.getLiteral().strip());
        endBlock(html);
    }

    private void items(Node list, boolean ordered, int first) {
        int number = first;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = ordered ? number++ + ". " : "- ";
            emit(marker);
            String outer = linePrefix;
            linePrefix = outer + " ".repeat(marker.length());
            visitItem((ListItem) item);
            linePrefix = outer;
        }
        if (list.getNext() != null && !(list.getParent() instanceof ListItem)) {
            newLine();
        }
    }

    private void visitItem(ListItem item) {
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph paragraph) {
                visitChildren(paragraph);
                newLine();
            } else {
                child.accept(this);
            }
        }
    }

    /** Ends a block: its line, and an empty line before the next block (none inside a list item). */
    protected final void endBlock(Node block) {
        newLine();
        if (block.getNext() != null && !(block.getParent() instanceof ListItem)) {
            newLine();
        }
    }

    protected final void newLine() {
        out.append('\n');
        atLineStart = true;
    }

    /** Where the next character goes, after the line's prefix if a line starts there. */
    protected final int position() {
        if (atLineStart) {
            out.append(linePrefix);
            atLineStart = false;
        }
        return out.length();
    }

    protected final void emit(String text) {
        position();
        out.append(text);
    }
}
