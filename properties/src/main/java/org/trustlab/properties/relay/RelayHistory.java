package org.trustlab.properties.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trustlab.properties.relay.RelayTrace.Answer;
import org.trustlab.properties.relay.RelayTrace.Delivered;
import org.trustlab.simulator.trace.Trace;

/**
 * The slot table's operations in a relay run, as a Jepsen history in EDN: every registration the relay received is
 * a {@code :claim} by its own process (one connection, one client), invoked when it arrived and completed when the
 * relay answered: {@code :ok} with {@code [proof :granted]} or {@code [proof :refused]} when the answer is about
 * the proof, {@code :fail} when the slot was not consulted (rate limit, cap, revocation, malformed ids, missing
 * authorization), left open when no answer left the relay. Operations carry the slot as {@code :key}, so the
 * checker partitions by slot, and the proof by fingerprint. The {@code tofu-slot} model of {@code trustlab lin}
 * judges it; it knows no eviction, revocation or restart, so only runs without them are linearizable by design.
 */
public final class RelayHistory {
    /** Refusals that say the slot holds another proof: the claim was judged against the slot. */
    private static final Set<String> ABOUT_THE_PROOF = Set.of("PROOF_MISMATCH", "PROOF_RACE_LOST");

    private RelayHistory() {}

    /** The history as EDN: a vector of operation maps, one per line. */
    public static String edn(Trace trace) {
        List<String> ops = ops(trace);
        return ops.isEmpty() ? "[]\n" : "[" + String.join("\n ", ops) + "]\n";
    }

    static List<String> ops(Trace trace) {
        RelayTrace t = new RelayTrace(trace);
        Map<Delivered, Integer> process = new LinkedHashMap<>();
        for (RelayTrace.Step s : t.steps) {
            if (s instanceof Delivered d) {
                process.put(d, process.size());
            }
        }
        Map<Long, String> completions = new LinkedHashMap<>();
        for (SlotTable.Judged j : new SlotTable(t).judged) {
            if (j.request() != null) {
                completions.put(j.answer().event().seq(), completion(j.answer(), j.request(),
                        process.get(j.request())));
            }
        }
        List<String> out = new ArrayList<>();
        for (RelayTrace.Step s : t.steps) {
            if (s instanceof Delivered d) {
                out.add(op("invoke", process.get(d), "[" + quote(d.proof()) + " nil]", d.event().timeNanos(),
                        d.slot()));
            } else if (s instanceof Answer a && completions.containsKey(a.event().seq())) {
                out.add(completions.get(a.event().seq()));
            }
        }
        return out;
    }

    private static String completion(Answer a, Delivered d, int process) {
        if (a.registered()) {
            return op("ok", process, "[" + quote(d.proof()) + " :granted]", a.event().timeNanos(), d.slot());
        }
        if (ABOUT_THE_PROOF.contains(a.reason())) {
            return op("ok", process, "[" + quote(d.proof()) + " :refused]", a.event().timeNanos(), d.slot());
        }
        return op("fail", process, "[" + quote(d.proof()) + " nil]", a.event().timeNanos(), d.slot());
    }

    private static String op(String type, int process, String value, long time, String slot) {
        return "{:type :" + type + ", :f :claim, :value " + value + ", :process " + process + ", :time " + time
                + ", :key " + quote(slot) + "}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
