package dev.parley.flow.action;

import dev.parley.flow.spi.ActionNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds plugin jars at test time: compiles sources against Parley's classes with javax.tools and packs a jar. */
final class PluginJar {
    private PluginJar() {}

    /** A jar of the Maven-layout project in {@code project} ({@code src/main/java}, {@code src/main/resources}). */
    static Path build(Path project, Path jar, Path work) {
        Path classes = compile(project.resolve("src/main/java"), work);
        copyTree(project.resolve("src/main/resources"), classes);
        return pack(classes, jar);
    }

    /** A jar of the given sources (path → text) and resources (path → text). */
    static Path build(Map<String, String> sources, Map<String, String> resources, Path jar, Path work) {
        Path src = work.resolve("src-" + jar.getFileName());
        write(src, sources);
        Path classes = compile(src, work);
        write(classes, resources);
        return pack(classes, jar);
    }

    /** An action node class {@code acme.<simpleName>} whose {@code name()} is {@code name}. */
    static Map<String, String> node(String simpleName, String name) {
        return Map.of("acme/" + simpleName + ".java", """
                package acme;

                import dev.parley.flow.spi.*;
                import java.util.Map;

                public final class %s implements ActionNode {
                    public String name() { return "%s"; }
                    public ActionResult run(ActionRequest request) { return ActionResult.success(Map.of()); }
                }
                """.formatted(simpleName, name));
    }

    static Map<String, String> services(String... classNames) {
        return Map.of(PluginJars.SERVICE_FILE, String.join("\n", classNames) + "\n");
    }

    private static Path compile(Path sources, Path work) {
        Path classes;
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            classes = Files.createTempDirectory(work, "classes");
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = parleyClasses().toString();
        int status = javac.run(null, null, null, Stream.concat(Stream.of("--release", "21", "-proc:none",
                "-cp", classpath, "-d", classes.toString()), files.stream()).toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("javac failed on " + sources + " (see its output above)");
        }
        return classes;
    }

    /** Where the SPI's classes are: target/classes under Maven. */
    private static Path parleyClasses() {
        try {
            return Path.of(ActionNode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path pack(Path classes, Path jar) {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path root, Map<String, String> files) {
        files.forEach((path, text) -> {
            Path file = root.resolve(path);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
