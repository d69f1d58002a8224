package dev.parley.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeTest {

    private static final String FLOW = """
            name: demo
            steps:
              - id: greet
                text: Hello
                next: [ask, end]
              - id: ask
                retries: 3
                enabled: true
                labels: { en: Hi, de: Hallo }
            """;

    @Test
    void nodesKnowTheirPathAndLine() {
        YamlNode root = YamlTree.parse(FLOW, "flows/demo.yml");
        YamlNode ask = root.required("steps").items().get(1);

        assertThat(ask.path()).isEqualTo("steps[1]");
        assertThat(ask.line()).isEqualTo(6);
        assertThat(ask.required("retries").asInt()).isEqualTo(3);
        assertThat(ask.required("retries").path()).isEqualTo("steps[1].retries");
        assertThat(ask.required("retries").line()).isEqualTo(7);
        assertThat(ask.required("enabled").asBoolean()).isTrue();
        assertThat(ask.required("labels").entries()).containsOnlyKeys("en", "de");
        assertThat(ask.required("labels").required("de").asString()).isEqualTo("Hallo");
        assertThat(root.required("steps").items().get(0).required("next").asStringList()).containsExactly("ask", "end");
        assertThat(root.get("missing")).isEmpty();
    }

    @Test
    void errorsComeFromTheNodeThatIsWrong() {
        YamlNode greet = YamlTree.parse(FLOW, "flows/demo.yml").required("steps").items().get(0);

        assertThatThrownBy(() -> greet.required("text").asInt())
                .hasMessage("flows/demo.yml:4: steps[0].text: 'Hello' is not an integer");
        assertThatThrownBy(() -> greet.required("next").asString())
                .hasMessage("flows/demo.yml:5: steps[0].next: expected a string, got a list");
        assertThatThrownBy(() -> greet.required("after"))
                .hasMessage("flows/demo.yml:3: steps[0].after: required key is missing");
        assertThatThrownBy(() -> greet.requireOnlyKeys(List.of("id", "text", "nxt")))
                .hasMessage("flows/demo.yml:5: steps[0].next: unknown key 'next'; did you mean 'nxt'?");
        assertThat(greet.error("custom")).hasMessage("flows/demo.yml:3: steps[0]: custom");
    }

    @Test
    void emptyDocumentIsNull() {
        assertThat(YamlTree.parse("", "empty.yml").isNull()).isTrue();
        assertThat(YamlTree.parse("# only a comment", "empty.yml").isNull()).isTrue();
    }

    @Test
    void scalarsPassThroughTheGivenSubstitution() {
        YamlNode root = YamlTree.parse("greeting: hello\nkey: hello\n", "t.yml", String::toUpperCase);

        assertThat(root.required("greeting").asString()).isEqualTo("HELLO");
        assertThat(root.entries()).containsOnlyKeys("greeting", "key");
    }

    @Test
    void aliasesAreFollowedAndClassTagsRejected() {
        YamlNode root = YamlTree.parse("base: &b { a: 1 }\ncopy: *b\n", "t.yml");

        assertThat(root.required("copy").required("a").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> YamlTree.parse("a: 1\nodd: !!java.io.File /etc/passwd\n", "t.yml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("t.yml:2: invalid YAML: Global tag is not allowed");
    }

    @Test
    void suggestionsPreferTheClosestKnownWord() {
        assertThat(Suggestions.closest("behaviour", List.of("behavior", "slots", "webhook_url"))).contains("behavior");
        assertThat(Suggestions.closest("webhookurl", List.of("behavior", "webhook_url"))).contains("webhook_url");
        assertThat(Suggestions.closest("xyz", List.of("behavior", "webhook_url"))).isEmpty();
        assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    }
}
