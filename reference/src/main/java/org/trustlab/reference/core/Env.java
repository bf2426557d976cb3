package org.trustlab.reference.core;

import java.time.Instant;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.KeyRing;

/**
 * What a role may ask of the world during one step. Time is the device's own clock (skewed and drifting in
 * simulation), randomness is the device's own seeded stream, and keys are the device's long-term identities.
 * Nothing else reaches a role: no wall clock, no global randomness, no I/O.
 */
public interface Env {
    /** The device's local clock. Validity windows are judged on this clock, never on another device's. */
    Instant now();

    /** The device's random stream; in simulation a DRBG fixed by (seed, device). */
    DeterministicRandom random();

    /** The device's long-term keys; in simulation derived from (seed, device, algorithm, generation). */
    KeyRing keys();
}
