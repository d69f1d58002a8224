package dev.parley.markdown;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * {@code markdown_v1} (chatbot spec §12) to HTML that is safe to insert into a page: raw HTML in the
 * source is escaped, the result is sanitized to a small allow-list (no scripts, no event handlers,
 * links only to http, https and mailto, without referrer or follow).
 */
public final class Markdown {
    private static final List<org.commonmark.Extension> EXTENSIONS = List.of(StrikethroughExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).softbreak("<br>")
            .nodeRendererFactory(UnderlineRenderer::new).build();
    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "strong", "em", "u", "del", "code", "pre", "ul", "ol", "li", "blockquote", "a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
            .toFactory();

    private Markdown() {}

    /** Sanitized HTML for a {@code markdown_v1} text. */
    public static String toHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown));
        return POLICY.sanitize(html).strip();
    }

    /** {@code __x__} is underline in markdown_v1, where CommonMark would make it bold. */
    private static final class UnderlineRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        UnderlineRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(StrongEmphasis.class);
        }

        @Override
        public void render(Node node) {
            String tag = "__".equals(((StrongEmphasis) node).getOpeningDelimiter()) ? "u" : "strong";
            html.tag(tag);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            html.tag("/" + tag);
        }
    }
}
