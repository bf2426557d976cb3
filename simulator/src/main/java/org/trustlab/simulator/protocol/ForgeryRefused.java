package org.trustlab.simulator.protocol;

/**
 * A forgery the attacker cannot make now: it needs a key the attacker does not hold (not controlled, not compromised
 * at this time). Thrown by {@link ProtocolBinding#forge} when only the run can tell (the key belongs to whoever sent
 * an observed message); the attacker records the step as not made and sends nothing. Where a scenario's text
 * already tells, the loader refuses it first.
 */
public final class ForgeryRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /** @param key the key that was needed, as {@code device@generation} */
    public ForgeryRefused(String key) {
        super("the attacker does not hold " + key, null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Throws unless the attacker holds {@code device}'s generation-{@code generation} keys now. */
    public static void unlessHeld(AttackerContext<?> ctx, String device, int generation) {
        if (!ctx.holdsKeys(device, generation)) {
            throw new ForgeryRefused(device + "@" + generation);
        }
    }
}
