package dev.parley.flow.engine;

import dev.parley.flow.Template;
import dev.parley.flow.Value;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An {@code env.*} value an action's parameters read but the environment does not define. Without
 * this check the action would see an empty text and fail on a symptom ("url must be an http or
 * https URL") instead of the cause.
 */
final class UnsetEnv {
    private UnsetEnv() {
    }

    /** Why the action cannot run: the first unset {@code env.*} its {@code with:} reads, if any. */
    static Optional<String> in(Map<String, Value> with, FlowData data, String envName) {
        return with.values().stream().flatMap(UnsetEnv::templates).flatMap(t -> t.parts().stream())
                .flatMap(part -> switch (part) {
                    case Template.Placeholder placeholder -> Stream.of(placeholder);
                    case Template.Literal literal -> Stream.empty();
                })
                .filter(p -> p.variable().root().equals("env")
                        && p.filters().stream().noneMatch(Template.Default.class::isInstance)
                        && Renderer.display(data.read(p.variable())).isEmpty())
                .findFirst().map(p -> "{{" + p.variable() + "}} is not set: add "
                        + String.join(".", p.variable().segments().subList(1, p.variable().segments().size()))
                        + " to environments." + envName + " in parley.yml");
    }

    private static Stream<Template> templates(Value value) {
        return switch (value) {
            case Value.Text text -> Stream.of(text.template());
            case Value.Items items -> items.items().stream().flatMap(UnsetEnv::templates);
            case Value.Fields fields -> fields.fields().values().stream().flatMap(UnsetEnv::templates);
            case Value.Scalar scalar -> Stream.empty();
            case Value.Null nothing -> Stream.empty();
        };
    }
}
