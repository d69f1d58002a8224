package dev.parley.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a secret named {@code x} from the keys {@code x_env} (an environment variable
 * holding it) or {@code x_file} (a file holding it, relative to the configuration file's
 * folder). A plain {@code x} key is rejected so that secrets stay out of the file.
 */
final class Secrets {

    private final Map<String, String> env;
    private final Path baseDir;

    Secrets(Map<String, String> env, Path baseDir) {
        this.env = Map.copyOf(env);
        this.baseDir = baseDir;
    }

    /** The keys a mapping may use for the secret {@code name}. */
    static List<String> keys(String name) {
        return List.of(name, name + "_env", name + "_file");
    }

    Optional<String> resolve(YamlNode mapping, String name) {
        if (mapping.entries().containsKey(name)) {
            throw mapping.keyError(name, "secrets may not be written in the file; use "
                    + name + "_env (an environment variable) or " + name + "_file (a file) instead");
        }
        Optional<YamlNode> fromEnv = mapping.get(name + "_env");
        Optional<YamlNode> fromFile = mapping.get(name + "_file");
        if (fromEnv.isPresent() && fromFile.isPresent()) {
            throw fromFile.get().error("set either " + name + "_env or " + name + "_file, not both");
        }
        return fromEnv.map(this::fromEnvironment).or(() -> fromFile.map(this::fromFile));
    }

    /**
     * Where the secret {@code name} comes from, as its key and value: {@code x_env} with the variable's name, or
     * {@code x_file} with the file's absolute path; empty when neither is set. Call after {@link #resolve}.
     */
    Optional<Map.Entry<String, String>> reference(YamlNode mapping, String name) {
        return mapping.get(name + "_env").map(node -> Map.entry(name + "_env", node.asString().strip()))
                .or(() -> mapping.get(name + "_file").map(node -> Map.entry(name + "_file",
                        path(node).toAbsolutePath().toString())));
    }

    private String fromEnvironment(YamlNode node) {
        String variable = node.asString().strip();
        if (!EnvSubstitution.NAME.matcher(variable).matches()) {
            throw node.error(node.quoted() + " is not an environment variable name");
        }
        String value = env.get(variable);
        if (value == null || value.isEmpty()) {
            throw node.error("environment variable " + variable + " is not set");
        }
        return value;
    }

    /** The file {@code node} names, relative to the configuration file's folder. */
    Path path(YamlNode node) {
        try {
            return baseDir.resolve(node.asString().strip()).normalize();
        } catch (InvalidPathException e) {
            throw node.error(node.quoted() + " is not a file path");
        }
    }

    private String fromFile(YamlNode node) {
        Path file = path(node);
        String secret;
        try {
            secret = Files.readString(file).replaceAll("[\\r\\n]+$", "");
        } catch (IOException e) {
            throw node.error("cannot read secret file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (secret.isEmpty()) {
            throw node.error("secret file " + file + " is empty");
        }
        return secret;
    }
}
