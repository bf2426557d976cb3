package org.trustlab.simulator.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.KeyRing;

/**
 * What a Dolev-Yao attacker knows when it forges or analyses a message: everything it has seen on the wire, its
 * own keys, the keys of attacker-controlled devices, the keys the scenario declares compromised at or before now,
 * and public knowledge (every device's public keys). It never sees an honest device's private keys otherwise.
 */
public interface AttackerContext<M> {

    /** Every message sent so far, in send order (including the attacker's own injections and replays). */
    List<ObservedMessage<M>> observed();

    /** The attacker's own identity keys (owner name {@code attacker}). */
    KeyRing attackerKeys();

    /**
     * The keys of {@code device} if the attacker holds them now: an attacker-controlled device (always), or a
     * device whose keys a {@code compromise:} entry hands over at or before now. The ring serves only the
     * compromised generations; asking for another one throws {@link IllegalStateException}.
     */
    Optional<KeyRing> compromisedKeys(String device);

    /** True when the attacker holds {@code device}'s generation-{@code generation} keys now. */
    boolean holdsKeys(String device, int generation);

    /** Public knowledge: a device's Ed25519 public key of a generation. */
    byte[] ed25519PublicKey(String device, int generation);

    /** Public knowledge: a device's X25519 public key of a generation. */
    byte[] x25519PublicKey(String device, int generation);

    /** The secrets learned so far from {@link ProtocolBinding#analyze}. */
    List<LearnedSecret> learned();

    /** The attacker's own random stream (split from the run seed as {@code attacker}). */
    DeterministicRandom random();

    /** Global virtual time as an instant (the attacker has no skewed clock of its own). */
    Instant now();

    /** The scenario's devices. */
    List<DeviceSpec> devices();

    /** The scenario's {@code setup:} (public configuration, e.g. which devices are paired). */
    BindingContext binding();
}
