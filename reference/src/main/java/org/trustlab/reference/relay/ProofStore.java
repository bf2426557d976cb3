package org.trustlab.reference.relay;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.trustlab.reference.crypto.Bytes;

/**
 * The relay's learned registration proofs, bounded against a memory-exhaustion flood: at most {@code cap}
 * entries, the least recently seen evicted first, proofs longer than {@link #MAX_PROOF_BYTES} never stored. An
 * evicted slot is open again: its next registrant is learned, which is the cost of the bound.
 */
public final class ProofStore {
    public static final int DEFAULT_CAP = 65_536;
    public static final int MAX_PROOF_BYTES = 512;

    /** What learning a proof did. */
    public sealed interface Learned permits Stored, TooLong {}

    /** Stored; {@code evicted} is the slot pushed out to make room, if any. */
    public record Stored(Optional<SlotId> evicted) implements Learned {}

    /** Not stored: the proof exceeds {@link #MAX_PROOF_BYTES}, and the slot stays open. */
    public record TooLong(int bytes) implements Learned {}

    private final int cap;
    private final boolean unbounded;
    // iteration starts at the least recently seen entry; a slot is seen when a registration of it succeeds
    private final LinkedHashMap<SlotId, byte[]> proofs = new LinkedHashMap<>();

    public ProofStore(int cap, boolean unbounded) {
        if (cap < 1) {
            throw new IllegalArgumentException("proof store cap must be positive: " + cap);
        }
        this.cap = cap;
        this.unbounded = unbounded;
    }

    /** The learned proof of a slot, or empty when the slot is open. */
    public Optional<byte[]> proof(SlotId slot) {
        return Optional.ofNullable(proofs.get(slot)).map(byte[]::clone);
    }

    /**
     * A registration of the slot succeeded: it becomes the most recently seen. Failed attempts do not count, so a
     * guesser cannot keep a slot alive, and the order is what the wire shows (the invariants rebuild it from there).
     */
    public void seen(SlotId slot) {
        byte[] p = proofs.remove(slot);
        if (p != null) {
            proofs.put(slot, p);
        }
    }

    /** True when a proof is learned for the slot; does not mark it seen. */
    public boolean holds(SlotId slot) {
        return proofs.containsKey(slot);
    }

    public Learned learn(SlotId slot, String proof) {
        byte[] bytes = proof.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PROOF_BYTES) {
            return new TooLong(bytes.length);
        }
        proofs.remove(slot);
        proofs.put(slot, bytes);
        Optional<SlotId> evicted = Optional.empty();
        if (!unbounded && proofs.size() > cap) {
            Iterator<Map.Entry<SlotId, byte[]>> eldest = proofs.entrySet().iterator();
            evicted = Optional.of(eldest.next().getKey());
            eldest.remove();
        }
        return new Stored(evicted);
    }

    public void forget(SlotId slot) {
        proofs.remove(slot);
    }

    /** Entries held: what the bounded-memory invariant measures against the configured cap. */
    public int size() {
        return proofs.size();
    }

    public int cap() {
        return cap;
    }

    /** Constant-time comparison of a presented proof with a learned one. */
    public static boolean matches(byte[] learned, String presented) {
        return Bytes.constantTimeEquals(learned, presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The mutant's comparison: an early exit over the presented proof's length, as {@code HasPrefix} would do. A
     * presented prefix of the learned proof passes, and the time taken tells how many characters matched.
     */
    static boolean prefixMatches(byte[] learned, String presented) {
        byte[] p = presented.getBytes(StandardCharsets.UTF_8);
        if (p.length > learned.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (p[i] != learned[i]) {
                return false;
            }
        }
        return true;
    }
}
