import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads the mutation reports of PIT runs over the reference (the profile writes one,
 * properties/target/pit-reports/mutations.xml; narrowed runs can be joined: a mutant is killed if any report kills
 * it). Prints the score per package and the surviving mutants, one line each, in the form
 * docs/mutation-survivors.md classifies them.
 *
 * <p>With {@code --classified docs/mutation-survivors.md}, each survivor line carries the classification that file
 * gives the same line (after " — "), or UNCLASSIFIED; classified survivors that no longer survive are listed on
 * stderr, so a re-run shows at once what is new and what a test has since killed.
 *
 * <p>Run with the JDK alone: {@code java scripts/PitSurvivors.java --classified docs/mutation-survivors.md
 * properties/target/pit-reports/mutations.xml}.
 */
public final class PitSurvivors {
    private record Mutant(String pkg, String cls, String method, String signature, int line, String mutator,
            String indexes, String description) {
        String key() {
            return cls + "#" + method + signature + ":" + line + ":" + mutator + ":" + indexes;
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> reports = new ArrayList<>(List.of(args));
        Map<String, String> classified = new LinkedHashMap<>();
        if (reports.size() >= 2 && reports.get(0).equals("--classified")) {
            classified = classifications(Path.of(reports.get(1)));
            reports = reports.subList(2, reports.size());
        }
        if (reports.isEmpty()) {
            System.err.println("usage: java scripts/PitSurvivors.java [--classified survivors.md] mutations.xml...");
            System.exit(2);
        }
        Map<String, Mutant> all = new LinkedHashMap<>();
        Map<String, Boolean> killed = new LinkedHashMap<>();
        for (String a : reports) {
            Path p = Path.of(a);
            if (!Files.isRegularFile(p)) {
                System.err.println(a + ": no such mutation report (run mvn -B -Pmutation verify first)");
                System.exit(2);
            }
            read(p, all, killed);
        }
        Map<String, int[]> byPackage = new TreeMap<>();
        List<Mutant> survivors = new ArrayList<>();
        for (Mutant m : all.values()) {
            int[] c = byPackage.computeIfAbsent(m.pkg(), k -> new int[2]);
            c[0]++;
            if (killed.get(m.key())) {
                c[1]++;
            } else {
                survivors.add(m);
            }
        }
        System.out.println("| package | mutants | killed | score |");
        System.out.println("|---|---:|---:|---:|");
        int total = 0;
        int dead = 0;
        for (Map.Entry<String, int[]> e : byPackage.entrySet()) {
            int[] c = e.getValue();
            total += c[0];
            dead += c[1];
            System.out.printf("| `%s` | %d | %d | %d%% |%n", e.getKey(), c[0], c[1], Math.round(100.0 * c[1] / c[0]));
        }
        System.out.printf("| all | %d | %d | %d%% |%n%n", total, dead, Math.round(100.0 * dead / Math.max(1, total)));
        java.util.Set<String> surviving = new java.util.HashSet<>();
        for (Mutant m : survivors) {
            String line = "- `" + m.cls().substring(m.pkg().length() + 1) + "." + m.method() + ":" + m.line()
                    + "` " + m.description();
            surviving.add(line);
            System.out.println(classified.isEmpty() ? line
                    : line + " — " + classified.getOrDefault(line, "UNCLASSIFIED"));
        }
        for (String line : classified.keySet()) {
            if (!surviving.contains(line)) {
                System.err.println("no longer survives: " + line);
            }
        }
    }

    /**
     * The classified survivor lines of a survivors file: "- `Class.method:line` description — classification", up to
     * its "## Closed gaps" section (mutants a test kills, kept with their record, are no survivors to carry over).
     */
    private static Map<String, String> classifications(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println(file + ": no such survivors file");
            System.exit(2);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("## Closed gaps")) {
                break;
            }
            int dash = line.indexOf(" — ");
            if (line.startsWith("- `") && dash > 0) {
                out.put(line.substring(0, dash), line.substring(dash + 3));
            }
        }
        return out;
    }

    private static void read(Path file, Map<String, Mutant> all, Map<String, Boolean> killed) throws IOException {
        try {
            var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            NodeList list = doc.getElementsByTagName("mutation");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                String cls = text(e, "mutatedClass");
                String mutator = text(e, "mutator");
                Mutant m = new Mutant(cls.substring(0, cls.lastIndexOf('.')), cls, text(e, "mutatedMethod"),
                        text(e, "methodDescription"), Integer.parseInt(text(e, "lineNumber")),
                        mutator.substring(mutator.lastIndexOf('.') + 1), text(e, "indexes").strip(),
                        text(e, "description"));
                all.putIfAbsent(m.key(), m);
                killed.merge(m.key(), "true".equals(e.getAttribute("detected")), Boolean::logicalOr);
            }
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException(file + ": not a PIT mutation report: " + e.getMessage(), e);
        }
    }

    private static String text(Element e, String tag) {
        return e.getElementsByTagName(tag).item(0).getTextContent();
    }
}
