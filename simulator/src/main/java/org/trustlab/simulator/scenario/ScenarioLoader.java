package org.trustlab.simulator.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ProtocolBindings;
import org.trustlab.simulator.protocol.ScenarioException;

/**
 * Reads scenario files. Every problem, from a YAML syntax error to a device config the protocol refuses, is a
 * {@link ScenarioException} whose message is {@code file:line:column: what is wrong}. Loading also creates each
 * device's role once, so a protocol's config errors surface here, with their location, rather than mid-run.
 */
public final class ScenarioLoader {
    private final ProtocolBindings bindings;

    public ScenarioLoader(ProtocolBindings bindings) {
        this.bindings = bindings;
    }

    /** Loads with the shipped protocols. */
    public static Scenario load(Path file) {
        return new ScenarioLoader(ProtocolBindings.standard()).read(file);
    }

    public Scenario read(Path file) {
        return parse(text(file), file);
    }

    /**
     * A scenario file's text, for a caller that needs the text as well as the scenario (a replay report shows it):
     * read once and handed to {@link #parse(String, Path)}, so both come from the same bytes.
     */
    public static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ScenarioException("cannot read the scenario: " + e.getMessage(), null,
                    new ScenarioException.Location(file.toString(), 1, 1), e);
        }
    }

    /** Parses the text of {@code file}, as {@link #read} does: locations name the file, the default name is its own. */
    public Scenario parse(String yaml, Path file) {
        return parse(yaml, file.toString(), defaultName(file));
    }

    /** Parses YAML text; {@code fileName} is what locations name. */
    public Scenario parse(String yaml, String fileName) {
        return parse(yaml, fileName, "scenario");
    }

    /**
     * Parses a scenario given as JSON text, as property campaigns generate it: the same checks as for a file, without
     * the cost of a YAML tokenizer on every generated run.
     */
    public Scenario parseJson(String json, String fileName) {
        return parse(YamlTree.parseJson(fileName, json), "scenario");
    }

    /**
     * Reads a scenario given as plain data (maps with string keys in order, lists, strings, longs, doubles,
     * booleans), as property campaigns generate it: exactly what {@link #parseJson} makes of {@code json}, the
     * data's JSON text, which is asked for only if a location is needed (an error) or the data holds something
     * only the text can say.
     */
    public Scenario parseData(Map<String, Object> data, Supplier<String> json, String fileName) {
        YamlTree tree = YamlTree.fromData(fileName, data, json);
        return tree == null ? parseJson(json.get(), fileName) : parse(tree, "scenario");
    }

    private Scenario parse(String yaml, String fileName, String defaultName) {
        return parse(YamlTree.parse(fileName, yaml), defaultName);
    }

    private Scenario parse(YamlTree tree, String defaultName) {
        // The reader checks every name against the protocol's vocabulary; an unknown protocol fails there.
        Scenario scenario = new ScenarioReader(tree, defaultName, bindings).read();
        validateRoles(scenario, bindings.find(scenario.protocol()).orElseThrow(), tree);
        return scenario;
    }

    private static void validateRoles(Scenario scenario, ProtocolBinding<?> binding, YamlTree tree) {
        BindingContext ctx = scenario.bindingContext();
        List<Device> devices = scenario.devices();
        for (int i = 0; i < devices.size(); i++) {
            String devicePointer = "/devices/" + i;
            try {
                binding.createRole(devices.get(i).spec(), ctx);
            } catch (ScenarioException e) {
                String p = absolute(e.path().orElse("config"), devicePointer);
                // An unknown key is best shown at the key itself, anything else at the value.
                throw new ScenarioException(e.what(), p, e.what().startsWith("unknown key") ? tree.keyAt(p)
                        : tree.at(p), e);
            } catch (RuntimeException e) {
                // A binding should refuse config with a ScenarioException; anything else still gets a location.
                String p = devicePointer + "/config";
                throw new ScenarioException("device '" + devices.get(i).name() + "': " + e, p, tree.at(p), e);
            }
        }
    }

    private static String absolute(String path, String devicePointer) {
        return path.startsWith("/") ? path : devicePointer + "/" + path;
    }

    /**
     * Gives an error raised after loading (say, by a forged message spec during the run) the location of its
     * pointer in {@code file}. Returns {@code e} unchanged when it already has one or the file no longer parses.
     */
    public static ScenarioException locate(Path file, ScenarioException e) {
        if (e.location().isPresent()) {
            return e;
        }
        try {
            YamlTree tree = YamlTree.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            return e.withLocation(tree.at(e.path().orElse("")));
        } catch (IOException | ScenarioException other) {
            return e.withLocation(new ScenarioException.Location(file.toString(), 1, 1));
        }
    }

    private static String defaultName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
