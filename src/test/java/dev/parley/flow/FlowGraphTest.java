package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FlowGraphTest {

    private static final Flow SHOP = FlowLoader.withBuiltInActions().load(Path.of("examples/flows/shop.yml"));
    private static final Flow HOSTILE = FlowLoader.withBuiltInActions().validate("""
            id: hostile
            start: hello
            nodes:
              hello:
                say: "<script>alert('x')</script> \\"quoted\\" & {{contact.name}} ]]; click n1 call alert() %% end"
                choices:
                  - { id: a, label: "<img src=x onerror=alert(1)>", next: bye }
                  - { id: b, label: "\\"]) --> n1((evil", next: bye }
              bye: { say: "Bye </text></svg><script>alert(2)</script>", end: true }
            """, "hostile.yml").orElseThrow();

    @Test
    void mermaidHasANodePerNodeAndLabelledEdges() {
        String mermaid = FlowGraph.of(SHOP).mermaid();

        assertThat(mermaid).startsWith("flowchart TD\n    start_((\"start\")) --> n1\n");
        assertThat(mermaid).contains(
                "    n1[\"welcome<br/>bubbles: Hi #123;#123;contact.name #124; default: 'there'#125;#125;#8230;\"]\n",
                "    n3[[\"lookup<br/>action: http\"]]\n",
                "    n9([\"bye<br/>end: Anything else I can do?\"])\n",
                "    n1 -->|\"Delivery status of an order\"| n2\n",
                "    n2 --> n3\n",
                "    n3 -->|\"error\"| n8\n",
                "    n6 -->|\"success, error\"| n9\n",
                "    n7 -->|\"forward_failed\"| n8\n");
        assertThat(mermaid.lines().filter(line -> line.contains("-->"))).hasSize(10);
    }

    @Test
    void mermaidLabelsCannotBreakOutOfTheirQuotes() {
        String mermaid = FlowGraph.of(HOSTILE).mermaid();

        List<String> lines = mermaid.lines().skip(1).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(
                "    (n\\d+(\\[\"[^\"]*\"]|\\(\\[\"[^\"]*\"]\\))"
                        + "|(n\\d+|start_\\(\\(\"start\"\\)\\)) -->(\\|\"[^\"]*\"\\|)? n\\d+)"));
        String text = mermaid.replace("<br/>", "").replace("-->", "");
        assertThat(text).doesNotContain("<", ">", "%%", "]]", "((evil");
        assertThat(mermaid).contains("#60;script#62;alert");
    }

    @Test
    void svgDrawsABoxPerNodeAndAnArrowPerEdge() throws Exception {
        Document svg = parse(FlowGraph.of(SHOP).svg());

        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        List<Element> boxes = elements(svg, "g");
        assertThat(boxes).hasSize(9);
        assertThat(boxes).extracting(box -> box.getAttribute("data-node"))
                .containsExactlyElementsOf(SHOP.nodes().keySet());
        assertThat(boxes.get(0).getAttribute("class")).isEqualTo("node kind-choices start");
        assertThat(elements(svg, "path").stream().filter(path -> path.getAttribute("class").equals("edge"))).hasSize(9);
        assertThat(elements(svg, "text").stream().filter(text -> text.getAttribute("class").equals("edge-label"))
                .map(Element::getTextContent))
                .containsExactly("Delivery status of an order", "Talk to support", "success", "error", "success, error",
                        "forward_failed");
    }

    @Test
    void svgLabelsSitBesideTheirLinesAndInsideTheImage() throws Exception {
        Document svg = parse(FlowGraph.of(SHOP).svg());
        double width = Double.parseDouble(svg.getDocumentElement().getAttribute("width"));
        List<Element> boxes = elements(svg, "g");
        Element handoff = box(boxes, "handoff");
        Element askOrder = box(boxes, "ask_order");
        Element talk = label(svg, "Talk to support");
        Element delivery = label(svg, "Delivery status of an order");
        // both come down into the top of their target at its centre: the text starts right of that line
        assertThat(Double.parseDouble(talk.getAttribute("x"))).isEqualTo(centre(handoff) + 6);
        assertThat(Double.parseDouble(delivery.getAttribute("x"))).isEqualTo(centre(askOrder) + 6);
        assertThat(talk.hasAttribute("text-anchor")).isFalse();
        assertThat(Double.parseDouble(talk.getAttribute("y"))).isLessThan(top(handoff));
        for (Element text : elements(svg, "text")) {
            // 11 px sans-serif stays under 7 px a character
            double start = Double.parseDouble(text.getAttribute("x"));
            double left = "middle".equals(text.getAttribute("text-anchor")) ? start
                    - 3.5 * text.getTextContent().length() : start;
            assertThat(left).as(text.getTextContent()).isGreaterThanOrEqualTo(0);
            assertThat(left + 7 * text.getTextContent().length()).as(text.getTextContent()).isLessThanOrEqualTo(width);
        }
    }

    private static Element box(List<Element> boxes, String id) {
        return boxes.stream().filter(b -> b.getAttribute("data-node").equals(id)).findFirst().orElseThrow();
    }

    private static Element label(Document svg, String text) {
        return elements(svg, "text").stream().filter(t -> t.getAttribute("class").equals("edge-label")
                && t.getTextContent().equals(text)).findFirst().orElseThrow();
    }

    private static double centre(Element box) {
        Element rect = (Element) box.getElementsByTagNameNS("*", "rect").item(0);
        return Double.parseDouble(rect.getAttribute("x")) + Double.parseDouble(rect.getAttribute("width")) / 2;
    }

    private static double top(Element box) {
        return Double.parseDouble(((Element) box.getElementsByTagNameNS("*", "rect").item(0)).getAttribute("y"));
    }

    @Test
    void svgKeepsHostileTextAsText() throws Exception {
        String drawing = FlowGraph.of(HOSTILE).svg();
        Document svg = parse(drawing);

        assertThat(drawing).doesNotContain("<script", "<img");
        assertThat(svg.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(svg.getElementsByTagNameNS("*", "img").getLength()).isZero();
        assertThat(elements(svg, "title")).extracting(Element::getTextContent).contains(
                "hello: bubbles: <script>alert('x')</script> \"quoted\" & {{contact.name}} ]]; click n1 call alert() %% end",
                "bye: end: Bye </text></svg><script>alert(2)</script>");
        assertThat(elements(svg, "text")).extracting(Element::getTextContent).contains("<img src=x onerror=alert(1)…");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static List<Element> elements(Document document, String name) {
        NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements.stream().filter(element -> !name.equals("g") || element.hasAttribute("data-node")).toList();
    }
}
