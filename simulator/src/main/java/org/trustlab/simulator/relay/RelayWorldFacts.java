package org.trustlab.simulator.relay;

import java.util.ArrayList;
import java.util.List;
import org.trustlab.reference.core.UserAction;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.relay.RelayConfig;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.WorldFact;
import org.trustlab.simulator.protocol.WorldFacts;

/**
 * What the world knows of a relay run, from the scenario and the operator's actions:
 * <ul>
 *   <li>{@code profile}: the relay's configured mode;</li>
 *   <li>{@code relay-limits}: the proof store's cap and largest stored proof, the live-agent cap, the rate limit and
 *       its window;</li>
 *   <li>{@code owner}: each owner device's owner id and key fingerprint;</li>
 *   <li>{@code agent}: each honest agent's slot, the fingerprint of the secret it really holds, whether its
 *       owner authorized it at pairing, and its data-plane static key;</li>
 *   <li>{@code client}: each data-plane client and the agent it paired with, whose static key it pins;</li>
 *   <li>{@code slot-revoked}: the operator revoked a slot.</li>
 * </ul>
 */
final class RelayWorldFacts implements WorldFacts {
    private final RelaySetup setup;
    private final BindingContext ctx;

    RelayWorldFacts(RelaySetup setup, BindingContext ctx) {
        this.setup = setup;
        this.ctx = ctx;
    }

    @Override
    public List<WorldFact> initial() {
        RelayConfig c = setup.config;
        List<WorldFact> out = new ArrayList<>();
        out.add(WorldFact.of("profile", "profile", c.mode().code()));
        out.add(WorldFact.of("relay-limits", "proof-store-cap", Integer.toString(c.proofStoreCap()),
                "max-proof-bytes", Integer.toString(RelaySetup.maxProofBytes()), "max-agents",
                Integer.toString(c.maxAgents()), "rate-limit", Integer.toString(c.rateLimit()), "rate-window",
                c.rateWindow().toString()));
        setup.ownerIds.forEach((device, id) -> out.add(WorldFact.of("owner", "device", device, "owner-id", id,
                "key-fingerprint", ctx.keysOf(device).ed25519(0).fingerprint())));
        setup.agents.values().forEach(a -> out.add(WorldFact.of("agent", "device", a.device(), "owner-id",
                a.slot().ownerId(), "machine-id", a.slot().machineId(), "secret-fp",
                Bytes.fingerprint(a.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "authorized",
                Boolean.toString(a.authorized()), "relay", a.relay().value(), "static-fp",
                Bytes.fingerprint(setup.staticKey(a.device())))));
        setup.clients.forEach((client, agent) -> out.add(WorldFact.of("client", "device", client, "agent", agent,
                "pinned-static-fp", Bytes.fingerprint(setup.staticKey(agent)))));
        return out;
    }

    @Override
    public List<WorldFact> afterUserAction(String device, UserAction action) {
        UserAction a = RelayUsers.spelled(action, setup.ownerIds);
        if (!a.name().equals("relay.revoke") || a.arg("owner-id") == null || a.arg("machine-id") == null) {
            return List.of();
        }
        return List.of(WorldFact.of("slot-revoked", "owner-id", a.arg("owner-id"), "machine-id",
                a.arg("machine-id")));
    }
}
