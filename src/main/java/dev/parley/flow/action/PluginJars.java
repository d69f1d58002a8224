package dev.parley.flow.action;

import dev.parley.flow.spi.ActionNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the action nodes in the {@code *.jar} files of the plugins folder with {@link ServiceLoader}.
 * Each jar gets a class loader of its own (Parley's classes as parent), so plugins cannot see each
 * other and every problem is traced to one jar; a plugin bundles its own dependencies.
 */
final class PluginJars {
    static final String SERVICE_FILE = "META-INF/services/" + ActionNode.class.getName();

    /** One action node and the jar it came from. */
    record Plugin(ActionNode node, String name, Path jar) {}

    private PluginJars() {}

    /** The plugins of every jar in {@code folder}, in file name order; none when the folder does not exist. */
    static List<Plugin> load(Path folder) {
        if (!Files.exists(folder)) {
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidPluginException(folder + ": the plugins folder is a file, not a folder");
        }
        List<Plugin> plugins = new ArrayList<>();
        for (Path jar : jars(folder)) {
            plugins.addAll(loadJar(jar));
        }
        return plugins;
    }

    private static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidPluginException(folder + ": cannot list the plugins folder: " + e.getMessage(), e);
        }
    }

    private static List<Plugin> loadJar(Path jar) {
        checkJar(jar);
        URLClassLoader loader = new URLClassLoader("plugin " + jar.getFileName(), new URL[] {url(jar)},
                PluginJars.class.getClassLoader());
        List<Plugin> plugins = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<ActionNode> provider : ServiceLoader.load(ActionNode.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader).toList()) {
                ActionNode node = provider.get();
                plugins.add(new Plugin(node, name(jar, provider.type(), node), jar));
            }
        } catch (ServiceConfigurationError e) {
            throw new InvalidPluginException(jar + ": cannot load its action nodes: " + messages(e), e);
        } catch (LinkageError e) {
            throw new InvalidPluginException(jar + ": a class of the plugin cannot be loaded (" + e + ");"
                    + " is it built for this Parley and does it bundle its dependencies?", e);
        }
        if (plugins.isEmpty()) {
            throw new InvalidPluginException(jar + ": " + SERVICE_FILE + " names no action node class");
        }
        return plugins;
    }

    private static void checkJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                throw new InvalidPluginException(jar + ": not an action node plugin: it has no " + SERVICE_FILE
                        + " naming its ActionNode classes");
            }
        } catch (IOException e) {
            throw new InvalidPluginException(jar + ": not a readable jar file (" + e.getMessage() + ")", e);
        }
    }

    private static String name(Path jar, Class<?> type, ActionNode node) {
        String name;
        try {
            name = node.name();
        } catch (RuntimeException e) {
            throw new InvalidPluginException(jar + ": " + type.getName() + ".name() failed: " + e, e);
        }
        if (name == null) {
            throw new InvalidPluginException(jar + ": " + type.getName() + ".name() returned null");
        }
        return name;
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause);
        }
        return text.toString();
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException("a file path is always a URL: " + jar, e);
        }
    }
}
