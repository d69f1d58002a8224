package dev.parley.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.flow.action.ActionNodes;
import dev.parley.flow.spi.ActionParameter;
import dev.parley.flow.spi.ActionParameters;
import dev.parley.flow.spi.ParameterRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FlowLoaderTest {

    static final Path FIXTURES = Path.of("src/test/resources/flows");
    private static final FlowLoader LOADER = FlowLoader.withBuiltInActions();

    @Test
    void shopExampleLoadsWithoutProblems() {
        FlowValidation result = LOADER.validate(Path.of("examples/flows/shop.yml"));

        assertThat(result.problems()).isEmpty();
        Flow shop = result.orElseThrow();
        assertThat(shop.id()).isEqualTo("shop");
        assertThat(shop.startNode().id()).isEqualTo("welcome");
        assertThat(shop.nodes()).hasSize(9);
        Node.Choices welcome = (Node.Choices) shop.startNode();
        assertThat(welcome.rendering()).isEqualTo(ChoiceRendering.BUBBLES);
        assertThat(welcome.options()).extracting(ChoiceOption::next).containsExactly("ask_order", "handoff");
        Node.Action lookup = (Node.Action) shop.node("lookup").orElseThrow();
        assertThat(lookup.route("success")).contains("tell");
        assertThat(lookup.route("timeout")).isEmpty();
        assertThat(lookup.save()).contains("order");
        Node.Forward handoff = (Node.Forward) shop.node("handoff").orElseThrow();
        assertThat(handoff.target()).isEqualTo(new ForwardTarget.Group("support"));
        assertThat(handoff.onFailed()).contains("sorry");
    }

    @Test
    void leadCaptureAsksSixQuestionsThenTracksInBraze() {
        Flow flow = LOADER.load(Path.of("examples/flows/lead-capture.yml"));

        List<String> saved = flow.nodes().values().stream().flatMap(node -> switch (node) {
            case Node.Ask ask -> Stream.of(ask.save());
            case Node.Choices choices -> choices.save().stream();
            default -> Stream.<String>empty();
        }).toList();
        assertThat(saved).containsExactly("first_name", "last_name", "email", "dob", "city", "operating_system");
        Node.Choices os = (Node.Choices) flow.node("ask_os").orElseThrow();
        assertThat(os.rendering()).isEqualTo(ChoiceRendering.LIST_TEMPLATE);
        Node.Action track = (Node.Action) flow.node("track").orElseThrow();
        assertThat(track.action()).isEqualTo("braze.track");
        assertThat(track.with()).containsOnlyKeys("attributes", "events");
    }

    @Test
    void everyNodeKindAppearsInTheValidFixtures() {
        Set<Class<?>> seen = new HashSet<>();
        Stream.of(FIXTURES.resolve("all-kinds.yml"), FIXTURES.resolve("small.json"),
                        Path.of("examples/flows/shop.yml"), Path.of("examples/flows/lead-capture.yml"))
                .map(LOADER::load)
                .forEach(flow -> flow.nodes().values().forEach(node -> seen.add(node.getClass())));

        assertThat(seen).containsExactlyInAnyOrder(Node.class.getPermittedSubclasses());
    }

    @Test
    void allKindsFixtureKeepsWhatEachNodeSays() {
        Flow flow = LOADER.load(FIXTURES.resolve("all-kinds.yml"));

        Node.Say greet = (Node.Say) flow.startNode();
        assertThat(greet.message().format()).isEqualTo(Message.TextFormat.MARKDOWN_V1);
        assertThat(greet.message().media().orElseThrow().type()).contains(Message.MediaType.IMAGE);
        assertThat(greet.message().buttons()).extracting(Message.LinkButton::label).containsExactly("Our shop");
        assertThat(node(flow, "pause", Node.Delay.class)).isEqualTo(new Node.Delay("pause", 14, 2, false, "menu"));
        Node.Choices menu = node(flow, "menu", Node.Choices.class);
        assertThat(menu.rendering()).isEqualTo(ChoiceRendering.BUTTON_TEMPLATE);
        assertThat(menu.onNoMatch()).contains("menu_help");
        assertThat(menu.options().get(0).synonyms()).containsExactly("profile", "details");
        assertThat(check(flow, "ask_phone")).isEqualTo(new AnswerCheck.Phone(Optional.of("DE")));
        assertThat(node(flow, "ask_phone", Node.Ask.class).retry()).contains(new AnswerCheck.Retry(2, "route"));
        assertThat(check(flow, "ask_birthday")).isEqualTo(new AnswerCheck.Date("dd.MM.yyyy"));
        assertThat(check(flow, "ask_size")).isEqualTo(new AnswerCheck.OneOf(List.of("S", "M", "L")));
        assertThat(check(flow, "ask_mail")).isEqualTo(new AnswerCheck.Email());
        assertThat(((AnswerCheck.Regex) check(flow, "ask_code")).pattern().matcher("ABC-1234").matches()).isTrue();
        assertThat(check(flow, "ask_nick")).isEqualTo(new AnswerCheck.Text(OptionalInt.of(2), OptionalInt.of(20)));
        assertThat(check(flow, "ask_amount"))
                .isEqualTo(new AnswerCheck.Number(Optional.of(BigDecimal.ONE), Optional.of(new BigDecimal("99"))));
        Node.Branch branch = node(flow, "check_amount", Node.Branch.class);
        assertThat(branch.cases()).extracting(Node.Case::next).containsExactly("route", "remember");
        assertThat(branch.otherwise()).isEqualTo("place_order");
        Node.Action order = node(flow, "place_order", Node.Action.class);
        assertThat(order.route("out_of_stock")).contains("sold_out");
        assertThat(order.route("anything else")).contains("log_failure");
        assertThat(node(flow, "route", Node.Forward.class).target())
                .isEqualTo(new ForwardTarget.Skills(List.of("billing", "german")));
        assertThat(node(flow, "sold_out", Node.Jump.class).flow()).isEqualTo("other.yml");
        assertThat(node(flow, "save_profile", Node.ContactUpdate.class).fields())
                .containsOnlyKeys("mobile_number", "email", "custom_fields");
    }

    @Test
    void nodeLinesAreTheLinesOfTheirIds() {
        Flow flow = LOADER.load(Path.of("examples/flows/shop.yml"));

        assertThat(flow.nodes().values()).extracting(Node::line)
                .containsExactly(9, 14, 19, 24, 25, 26, 33, 34, 35);
    }

    @Test
    void jsonIsReadWithItsLineNumbers() {
        assertThat(LOADER.validate(FIXTURES.resolve("small.json")).isValid()).isTrue();

        FlowValidation broken = LOADER.validate(FIXTURES.resolve("broken/dangling-next.json"));

        assertThat(broken.problems()).extracting(FlowProblem::toString).containsExactly(
                FIXTURES.resolve("broken/dangling-next.json") + ":7: nodes.hello.next: unknown node 'by'; did you mean 'bye'?");
    }

    @Test
    void actionsOfPluginsAreAcceptedWhenTheLoaderKnowsThem() {
        String flow = """
                id: crm
                start: lookup
                nodes:
                  lookup: { action: crm.lookup, on: { default: bye } }
                  bye: { end: true }
                """;

        assertThat(LOADER.validate(flow, "crm.yml").errors()).extracting(FlowProblem::message)
                .containsExactly("unknown action 'crm.lookup' (known: braze.profile, braze.track, email, http, remote)");
        assertThat(LOADER.withActions(Map.of("crm.lookup", ActionParameters.any())).validate(flow, "crm.yml")
                .isValid()).isTrue();
    }

    @Test
    void theParametersALoaderKnowsForAnActionAreChecked() {
        String flow = """
                id: crm
                start: lookup
                nodes:
                  lookup:
                    action: crm.lookup
                    with: { customer_id: "{{contact.id}}", fields: all }
                    on: { default: bye }
                  bye: { end: true }
                """;
        FlowLoader loader = LOADER.withActions(Map.of("crm.lookup", ActionParameters.of(
                ActionParameter.required("customer_id", ParameterRule.text()),
                ActionParameter.optional("fields", ParameterRule.oneOf("basic", "full")))));

        assertThat(loader.validate(flow, "crm.yml").problems()).extracting(FlowProblem::toString).containsExactly(
                "crm.yml:6: nodes.lookup.with.fields: action 'crm.lookup': fields must be one of basic, full, got 'all'");
        assertThat(loader.validate(flow.replace("fields: all", "fields: full"), "crm.yml").isValid()).isTrue();
    }

    @Test
    void aLoaderOfActionNodesAcceptsTheActionsTheyCanRun() {
        String flow = """
                id: t
                start: track
                nodes:
                  track: { action: braze.track, on: { default: bye } }
                  bye: { end: true }
                """;
        ActionNodes withoutBraze = ActionNodes.builtIns(ActionNodes.BuiltIns.of(Optional.empty()));

        assertThat(FlowLoader.of(withoutBraze).actions()).isEqualTo(Set.of("http", "remote", "email"));
        assertThat(FlowLoader.of(withoutBraze).validate(flow, "t.yml").errors()).extracting(FlowProblem::message)
                .containsExactly("unknown action 'braze.track' (known: email, http, remote)");
        assertThat(FlowLoader.withBuiltInActions().actions()).isEqualTo(ActionNodes.BUILT_IN_NAMES);
    }

    @Test
    void aFlowWithErrorsIsNeverBuilt() {
        FlowValidation result = LOADER.validate(FIXTURES.resolve("broken/many-errors.yml"));

        assertThat(result.flow()).isEmpty();
        assertThat(result.errors()).hasSize(5);
        assertThatThrownBy(result::orElseThrow)
                .isInstanceOf(InvalidFlowException.class)
                .hasMessageStartingWith(FIXTURES.resolve("broken/many-errors.yml") + " is not a valid flow:\n")
                .hasMessageContaining("many-errors.yml:15: nodes.lookup.action: unknown action 'htp'");
    }

    @Test
    void anUnreadableFileIsOneProblemWithoutALine() {
        FlowValidation result = LOADER.validate(FIXTURES.resolve("no-such-file.yml"));

        assertThat(result.problems()).extracting(FlowProblem::toString)
                .containsExactly(FIXTURES.resolve("no-such-file.yml") + ": cannot read the file: no such file");
    }

    @Test
    void emptyAndNonMappingDocumentsAreRefused() {
        assertThat(LOADER.validate("", "empty.yml").problems()).extracting(FlowProblem::toString)
                .containsExactly("empty.yml:1: empty file: a flow needs id, start and nodes");
        assertThat(LOADER.validate("- a\n- b\n", "list.yml").problems()).extracting(FlowProblem::toString)
                .containsExactly("list.yml:1: a flow is a mapping with id, start and nodes, got a list");
    }

    private static <T extends Node> T node(Flow flow, String id, Class<T> type) {
        return type.cast(flow.node(id).orElseThrow());
    }

    private static AnswerCheck check(Flow flow, String id) {
        return node(flow, id, Node.Ask.class).validate().orElseThrow().check();
    }
}
