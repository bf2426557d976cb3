package org.trustlab.reference.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Env;
import org.trustlab.reference.core.Outputs;
import org.trustlab.reference.core.TimerId;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.KeyRing;

/** Drives one relay by hand: registrations in, accept timers fired in the order a test chooses. */
final class RelayHarness implements Env {
    static final Ed25519KeyPair ALICE = DeterministicKeys.ring(3, "alice").ed25519(0);
    static final String ALICE_ID = Base58.encode(ALICE.publicKey());

    final Relay relay;
    private final DeterministicRandom random = new DeterministicRandom(5, "relay");
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    /** Accept timers set and not yet fired, in the order set. */
    final List<TimerId> pending = new ArrayList<>();

    RelayHarness(RelayConfig config) {
        this.relay = new Relay(config);
    }

    static RelayConfig config(RelayMode mode, RelayMutant... mutants) {
        RelayConfig d = RelayConfig.defaults(mode);
        return new RelayConfig(mode, 4, 3, 5, Duration.ofMinutes(1), d.acceptLatency(), 2, java.util.Set.of(mutants));
    }

    static String secret(String who) {
        return Bytes.hex(new DeterministicRandom(9, who).bytes(32));
    }

    static RelayMessage.Register register(String machine, String secret) {
        return new RelayMessage.Register(ALICE_ID, machine, secret, new byte[0], new byte[0]);
    }

    static RelayMessage.Register authorized(String machine, String secret) {
        return new RelayMessage.Register(ALICE_ID, machine, secret,
                RegistrationAuthorization.sign(ALICE, machine, RegistrationAuthorization.commitment(secret)), new byte[0]);
    }

    /** The registration arrives; its accept timer, if any, waits in {@link #pending}. */
    Outputs<RelayMessage> arrive(String from, RelayMessage m) {
        Outputs<RelayMessage> out = relay.onMessage(DeviceId.of(from), m, this);
        out.timers().forEach(t -> pending.add(t.id()));
        return out;
    }

    Outputs<RelayMessage> acceptNext() {
        return relay.onTimer(pending.remove(0), this);
    }

    /** Arrival and acceptance with nothing in between: the reply to {@code from}. */
    RelayMessage serve(String from, RelayMessage m) {
        Outputs<RelayMessage> out = arrive(from, m);
        if (out.timers().isEmpty()) {
            return out.sends().get(0).message();
        }
        pending.remove(pending.size() - 1);
        Outputs<RelayMessage> accepted = relay.onTimer(out.timers().get(0).id(), this);
        return accepted.sends().stream().filter(s -> s.to().value().equals(from)).findFirst().orElseThrow().message();
    }

    static String reason(RelayMessage m) {
        return m instanceof RelayMessage.Refused r ? r.reason() : "REGISTERED";
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public DeterministicRandom random() {
        return random;
    }

    @Override
    public KeyRing keys() {
        return DeterministicKeys.ring(3, "relay");
    }
}
