package org.trustlab.properties.history;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.trustlab.linearizability.HistoryException;
import org.trustlab.linearizability.Linearizability;
import org.trustlab.linearizability.Model;
import org.trustlab.linearizability.Options;
import org.trustlab.linearizability.Result;
import org.trustlab.properties.invariant.Invariant;
import org.trustlab.properties.invariant.Judgement;
import org.trustlab.properties.invariant.Violation;
import org.trustlab.simulator.trace.Trace;

/**
 * An invariant that a shared object of a run is linearizable: the object's operations, read from the trace as a
 * Jepsen history by {@code recorder} (from the wire and the simulator's facts, never from the object's own audit),
 * must be explained by some sequential execution of {@code model}. A violation names the smallest window the
 * search could not linearize. A run with no operation on the object is vacuous.
 *
 * <p>A protocol adds one by giving its history reader (see {@link HistoryRecorder}) and a model of
 * {@code trustlab lin}'s ({@code nonce-store}, {@code tofu-slot}, ...).
 */
public final class LinearizabilityInvariant implements Invariant {
    /**
     * Per run. A run's objects are small (one partition per nonce or slot), so the search decides in milliseconds;
     * the limits only keep a pathological run from stalling a campaign, and reaching one is reported, not passed.
     */
    private static final Options OPTIONS = new Options(Duration.ofSeconds(20), 256L << 20, 1);

    private final String id;
    private final String protocol;
    private final String statement;
    private final Model model;
    private final Function<Trace, RecordedHistory> recorder;

    public LinearizabilityInvariant(String id, String protocol, String statement, Model model,
            Function<Trace, RecordedHistory> recorder) {
        this.id = id;
        this.protocol = protocol;
        this.statement = statement;
        this.model = model;
        this.recorder = recorder;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String statement() {
        return statement;
    }

    public Model model() {
        return model;
    }

    /** The run's history of the object. */
    public RecordedHistory history(Trace trace) {
        return recorder.apply(trace);
    }

    /** The verdict on a recorded history; a history the recorder made malformed is a bug of the recorder. */
    public Result check(RecordedHistory h) {
        try {
            return Linearizability.check(h.ops(), model, OPTIONS);
        } catch (HistoryException e) {
            throw new IllegalStateException(id + ": the recorded history is malformed: " + e.getMessage(), e);
        }
    }

    @Override
    public Judgement judge(Trace trace) {
        RecordedHistory h = history(trace);
        if (h.invocations() == 0) {
            return new Judgement(0, List.of());
        }
        Result r = check(h);
        if (r instanceof Result.Invalid inv) {
            return new Judgement(h.invocations(), List.of(new Violation(id, h.object() + " is not linearizable ("
                    + model.name() + "): " + String.join("; ", inv.window().render()), h.evidence(inv.window()))));
        }
        if (r instanceof Result.Unknown u) {
            // Undecided is not held: the run is reported so that its history can be checked with more room.
            return new Judgement(h.invocations(), List.of(new Violation(id, h.object() + ": linearizability "
                    + "undecided (" + u.reason() + ")", List.of())));
        }
        return new Judgement(h.invocations(), List.of());
    }
}
