package org.trustlab.simulator.scenario;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.trustlab.simulator.protocol.Durations;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.Spelling;
import org.trustlab.simulator.protocol.Vocabulary;

/**
 * Checks a scenario's names against its protocol's {@link Vocabulary} while it is read: a misspelt user action,
 * argument key, outcome, audit type, reason code, invariant, message tag, forgery type or forgery key is refused with
 * its {@code file:line:column} and the closest known name, because each of them would otherwise load and run and
 * quietly do nothing (an ignored action, an expectation nothing can meet or, worse, a {@code never} nothing can
 * break). It also refuses a forgery signed with a key the attacker does not hold at the step's time.
 */
final class NameCheck {
    private final Vocabulary words;
    private final String protocol;
    private final YamlTree tree;

    NameCheck(Vocabulary words, String protocol, YamlTree tree) {
        this.words = words;
        this.protocol = protocol;
        this.tree = tree;
    }

    void outcome(String kind, String pointer) {
        known("outcome", kind, words.outcomes(), pointer);
    }

    void audit(String type, String pointer) {
        known("audit event", type, words.audits(), pointer);
    }

    void reason(String code, String pointer) {
        known("reason code", code, words.reasons(), pointer);
    }

    void invariant(String id, String pointer) {
        known("invariant", id, words.invariants(), pointer);
    }

    /** An audit or outcome field an expectation's {@code fields:} names. */
    void field(String name, String pointer) {
        knownKey("field", name, words.fields(), pointer);
    }

    /** {@code session}, {@code peer} or {@code target}: only where the protocol's events carry such a field. */
    void matchKey(String key, String pointer) {
        if (!words.matchFields().containsKey(key)) {
            throw new ScenarioException(protocol + " events carry no " + key + " (expectations here may match on "
                    + (words.matchFields().isEmpty() ? "none of session, peer, target"
                    : String.join(", ", words.matchFields().keySet())) + "; any field with 'fields:')", pointer,
                    tree.keyAt(pointer), null);
        }
    }

    /** A user action and its argument keys ({@code argsPointer}: the action's {@code args} map). */
    void action(String name, Collection<String> argKeys, String pointer, String argsPointer) {
        known("user action", name, words.actions().keySet(), pointer);
        Set<String> allowed = words.actions().get(name);
        for (String k : argKeys) {
            if (!allowed.contains(k)) {
                String kp = argsPointer + "/" + YamlTree.escape(k);
                String what = "unknown argument '" + k + "' of " + name + Spelling.closest(k, allowed)
                        .map(c -> " (did you mean '" + c + "'?)").orElse(allowed.isEmpty() ? " (it takes none)"
                                : " (it takes " + String.join(", ", allowed) + ")");
                throw new ScenarioException(what, kp, tree.keyAt(kp), null);
            }
        }
    }

    /** A step's {@code match: {tag: ...}}: a message name, or a whole wire tag one of whose segments is one. */
    void tag(String tag, String pointer) {
        if (words.messages().contains(tag)) {
            return;
        }
        for (String segment : tag.split("/")) {
            if (words.messages().contains(segment)) {
                return;
            }
        }
        known("message", tag, words.messages(), pointer);
    }

    /** An inject step's {@code message:} map: its type, its keys, and every key it signs with. */
    void forgery(Map<String, Object> message, String pointer, Duration at, Held held) {
        Object type = message.get("type");
        if (!(type instanceof String t)) {
            return; // the binding's own reading says that 'type' is missing or not a string
        }
        known("forgery type", t, words.forgeries().keySet(), pointer + "/type");
        Vocabulary.Forgery f = words.forgeries().get(t);
        TreeSet<String> allowed = new TreeSet<>(f.keys());
        allowed.add("type");
        for (String k : message.keySet()) {
            if (!allowed.contains(k)) {
                String kp = pointer + "/" + YamlTree.escape(k);
                throw new ScenarioException("unknown key '" + k + "' of a " + t + " forgery" + Spelling.closest(k,
                        allowed).map(c -> " (did you mean '" + c + "'?)").orElse(" (it takes " + String.join(", ",
                        allowed) + ")"), kp, tree.keyAt(kp), null);
            }
        }
        for (String s : f.signers()) {
            if (message.get(s) instanceof String who) {
                signer(who, pointer + "/" + YamlTree.escape(s), at, held);
            }
        }
    }

    /**
     * {@code attacker}, or {@code device} / {@code device@generation}: the key must be one the attacker holds at
     * {@code at}. Signing with the attacker's own key in its stead would make a scenario pass for the wrong reason.
     */
    private void signer(String who, String pointer, Duration at, Held held) {
        if (who.equals("attacker")) {
            return;
        }
        String[] parts = who.split("@", 2);
        int generation = 0;
        if (parts.length == 2) {
            try {
                generation = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                generation = -1;
            }
            if (generation < 0) {
                throw fail(pointer, "a signing key is 'attacker' or device[@generation], not '" + who + "'");
            }
        }
        String device = parts[0];
        if (!held.devices().contains(device)) {
            TreeSet<String> names = new TreeSet<>(held.devices());
            names.add("attacker");
            throw fail(pointer, Spelling.unknown("signing key", device, names));
        }
        if (!held.holds(device, generation, at)) {
            throw fail(pointer, "the attacker does not hold " + device + "'s generation-" + generation
                    + " key at " + Durations.format(at) + ", so it cannot sign with it (add a 'compromise' of "
                    + device + " generation " + generation + " at or before " + Durations.format(at)
                    + ", or sign with 'attacker')");
        }
    }

    private void known(String what, String name, Set<String> known, String pointer) {
        if (!known.contains(name)) {
            throw fail(pointer, Spelling.unknown(protocol + " " + what, name, known));
        }
    }

    private void knownKey(String what, String name, Set<String> known, String pointer) {
        if (!known.contains(name)) {
            throw new ScenarioException(Spelling.unknown(protocol + " " + what, name, known), pointer,
                    tree.keyAt(pointer), null);
        }
    }

    private ScenarioException fail(String pointer, String what) {
        return new ScenarioException(what, pointer, tree.at(pointer), null);
    }

    /**
     * Whose keys the attacker holds when: the devices it controls always, a compromised device's generation from
     * the compromise on (the run schedules compromises before steps of the same instant, so "at or before").
     */
    record Held(Set<String> devices, Set<String> controlled, List<AttackerSpec.Compromise> compromises) {
        boolean holds(String device, int generation, Duration at) {
            if (controlled.contains(device)) {
                return true;
            }
            for (AttackerSpec.Compromise c : compromises) {
                if (c.device().equals(device) && c.generation() == generation && c.at().compareTo(at) <= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
