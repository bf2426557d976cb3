package org.trustlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.trustlab.simulator.protocol.ScenarioException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.trustlab.simulator.protocol.ScenarioException.Location;

/**
 * A YAML document as a Jackson tree plus the {@code line:column} of every node and every map key, by JSON pointer,
 * so that a semantic error found long after parsing (an unknown device, a bad duration, a config a protocol
 * refuses) still points at the exact place in the file.
 */
final class YamlTree {
    private static final YAMLFactory FACTORY = new YAMLFactory();
    /** JSON is a subset of YAML: generated scenarios take this much faster tokenizer, with the same tree. */
    private static final JsonFactory JSON = new JsonFactory();

    final String file;
    final JsonNode root;
    /** Looked up by pointer only, never iterated. */
    private final Map<String, Location> values = new HashMap<>();
    private final Map<String, Location> keys = new HashMap<>();
    /** The text, or how to produce it (a tree built from data writes its JSON only if a location is asked for). */
    private final Supplier<String> text;
    private final boolean json;
    /**
     * Whether {@link #values} and {@link #keys} are filled. A generated (JSON) scenario almost never needs a
     * location, so it is read without them (a pointer string and two map entries per node were most of the cost
     * of reading it); the first {@link #at} reads the text again to find them, giving the same locations.
     */
    private boolean tracked;

    private YamlTree(String file, String text, boolean json, boolean track) {
        this.file = file;
        this.text = () -> text;
        this.json = json;
        this.tracked = track;
        JsonNode parsed;
        try (JsonParser p = json ? JSON.createParser(text) : FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ScenarioException("the scenario file is empty", "", new Location(file, 1, 1), null);
            }
            parsed = read(p, "");
            if (p.nextToken() != null) {
                throw new ScenarioException("more than one YAML document; a scenario is one document", "",
                        location(p.currentTokenLocation()), null);
            }
        } catch (JsonProcessingException e) {
            throw new ScenarioException(oneLine(e.getOriginalMessage()), null, syntaxLocation(e), e);
        } catch (IOException e) {
            throw new ScenarioException("cannot read: " + e.getMessage(), null, new Location(file, 1, 1), e);
        }
        this.root = parsed;
    }

    static YamlTree parse(String file, String text) {
        return new YamlTree(file, text, false, true);
    }

    /** A scenario given as JSON text (what campaigns generate); locations are then line 1, column of the node. */
    static YamlTree parseJson(String file, String text) {
        try {
            return new YamlTree(file, text, true, false);
        } catch (ScenarioException e) {
            // Read again with locations, so the error is reported exactly as a tracked read reports it.
            return new YamlTree(file, text, true, true);
        }
    }

    /** A tree built from data, exactly as {@link #parseJson} would read {@code json.get()}; see {@link #fromData}. */
    private YamlTree(String file, JsonNode root, Supplier<String> json) {
        this.file = file;
        this.root = root;
        this.text = json;
        this.json = true;
        this.tracked = false;
    }

    /**
     * The tree of plain data (maps with string keys, lists, strings, longs and ints, doubles, booleans, nulls),
     * node for node the one {@link #parseJson} reads from {@code json}, the data's JSON text: integers that fit an
     * int are int nodes and others long nodes, as Jackson's parser types them; finite doubles survive the text round
     * trip exactly. Campaigns generate data, and writing it out only to tokenize it again cost as much as reading the
     * scenario. Returns null when the data holds anything else (NaN, a float, a bean), which the caller then sends
     * through the text. Locations, needed only for errors, come from {@code json} when first asked for.
     */
    static YamlTree fromData(String file, Map<String, Object> data, Supplier<String> json) {
        JsonNode root = node(data);
        return root == null ? null : new YamlTree(file, root, json);
    }

    private static JsonNode node(Object x) {
        JsonNodeFactory nf = JsonNodeFactory.instance;
        if (x instanceof String s) {
            return nf.textNode(s);
        }
        if (x instanceof Long || x instanceof Integer) {
            long v = ((Number) x).longValue();
            return v == (int) v ? nf.numberNode((int) v) : nf.numberNode(v);
        }
        if (x instanceof Double d) {
            return Double.isFinite(d) ? nf.numberNode(d.doubleValue()) : null;
        }
        if (x instanceof Boolean b) {
            return nf.booleanNode(b);
        }
        if (x == null) {
            return nf.nullNode();
        }
        if (x instanceof Map<?, ?> m) {
            ObjectNode o = nf.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                JsonNode v = e.getKey() instanceof String k ? node(e.getValue()) : null;
                if (v == null) {
                    return null;
                }
                o.set((String) e.getKey(), v);
            }
            return o;
        }
        if (x instanceof List<?> l) {
            ArrayNode a = nf.arrayNode();
            for (Object v : l) {
                JsonNode n = node(v);
                if (n == null) {
                    return null;
                }
                a.add(n);
            }
            return a;
        }
        return null;
    }

    /** Fills the locations of an untracked tree by reading its text again (same text, same locations). */
    private synchronized void track() {
        if (!tracked) {
            YamlTree t = new YamlTree(file, text.get(), json, true);
            values.putAll(t.values);
            keys.putAll(t.keys);
            tracked = true;
        }
    }

    /** Reads the node at the current token; {@code pointer} is null when not {@link #tracked}. */
    private JsonNode read(JsonParser p, String pointer) throws IOException {
        JsonToken t = p.currentToken();
        if (tracked) {
            values.put(pointer, location(p.currentTokenLocation()));
        }
        JsonNodeFactory nf = JsonNodeFactory.instance;
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = nf.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = tracked ? pointer + "/" + escape(key) : null;
                    if (o.has(key)) {
                        if (!tracked) {
                            throw new ScenarioException("duplicate key", null, null, null);
                        }
                        throw new ScenarioException("duplicate key '" + key + "'", child,
                                location(p.currentTokenLocation()), null);
                    }
                    if (tracked) {
                        keys.put(child, location(p.currentTokenLocation()));
                    }
                    p.nextToken();
                    o.set(key, read(p, child));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = nf.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, tracked ? pointer + "/" + i : null));
                    i++;
                }
                return a;
            }
            case VALUE_STRING:
                return nf.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return nf.numberNode(p.getIntValue());
                    case LONG:
                        return nf.numberNode(p.getLongValue());
                    default:
                        return nf.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return nf.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return nf.booleanNode(true);
            case VALUE_FALSE:
                return nf.booleanNode(false);
            case VALUE_NULL:
                return nf.nullNode();
            default:
                throw new ScenarioException("unexpected YAML content " + t, pointer,
                        location(p.currentTokenLocation()), null);
        }
    }

    /** SnakeYAML knows where the problem is (not just where the construct began); prefer that. */
    private Location syntaxLocation(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                return new Location(file, m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1);
            }
        }
        JsonLocation at = e.getLocation();
        return at == null ? new Location(file, 1, 1) : location(at);
    }

    private Location location(JsonLocation l) {
        return new Location(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    /** Where the node at {@code pointer} starts; the nearest enclosing node if there is none there. */
    Location at(String pointer) {
        track();
        String p = pointer == null ? "" : pointer;
        while (true) {
            Location l = values.get(p);
            if (l != null) {
                return l;
            }
            l = keys.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return new Location(file, 1, 1);
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** Where the key of the map entry at {@code pointer} is (for unknown or misplaced keys). */
    Location keyAt(String pointer) {
        track();
        Location l = keys.get(pointer);
        return l != null ? l : at(pointer);
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String oneLine(String message) {
        if (message == null) {
            return "malformed YAML";
        }
        // SnakeYAML reports over several lines with a caret drawing; keep the words.
        String[] lines = message.split("\\R");
        StringBuilder out = new StringBuilder();
        boolean afterPosition = false;
        for (String line : lines) {
            String l = line.trim();
            // "in 'reader', line 4, column 3:" is followed by a quoted source line and a caret line.
            boolean skip = l.isEmpty() || l.startsWith("^") || l.startsWith("in '") || afterPosition;
            afterPosition = l.startsWith("in '");
            if (skip) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(l);
        }
        return out.length() == 0 ? "malformed YAML" : "malformed YAML: " + out;
    }
}
