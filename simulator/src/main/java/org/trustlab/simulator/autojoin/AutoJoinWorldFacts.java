package org.trustlab.simulator.autojoin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.trustlab.reference.autojoin.ClientId;
import org.trustlab.reference.autojoin.DeviceIdentity;
import org.trustlab.reference.autojoin.TrustedDeviceGrant;
import org.trustlab.reference.core.UserAction;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.WorldFact;
import org.trustlab.simulator.protocol.WorldFacts;

/**
 * What the world knows of an autojoin run, from the scenario and the users' actions:
 * <ul>
 *   <li>{@code identity}: each device's client id and the fingerprint of its key at its configured generation;</li>
 *   <li>{@code limits}: each validator's challenge lifetime and skew tolerance as configured (within the
 *       specification's caps, which the binding enforces at load time) and its grant settings;</li>
 *   <li>{@code grant}: each grant of {@code setup.grants}, with the owner's and the trusted client's key;</li>
 *   <li>{@code session}: each session and its members, who know its password;</li>
 *   <li>{@code key-rotated}, {@code grant-revoked}, {@code trusted-key-forgotten}: the user actions that change
 *       keys and grants, with the new key's fingerprint computed here, not taken from the device.</li>
 * </ul>
 */
final class AutoJoinWorldFacts implements WorldFacts {
    private final AutoJoinSetup setup;
    private final List<DeviceSpec> devices;
    private final Map<String, Integer> generation = new TreeMap<>();

    AutoJoinWorldFacts(AutoJoinSetup setup, List<DeviceSpec> devices) {
        this.setup = setup;
        this.devices = devices;
    }

    @Override
    public List<WorldFact> initial() {
        List<WorldFact> out = new ArrayList<>();
        for (DeviceSpec d : devices) {
            if (d.role().equals("server")) {
                continue;
            }
            ConfigView cfg = d.configView();
            int g = (int) cfg.integer("key-generation", 0);
            generation.put(d.name(), g);
            DeviceIdentity id = setup.identity(d.name(), g);
            out.add(WorldFact.of("identity", "device", d.name(), "role", d.role(),
                    "client", setup.identity(d.name(), 0).clientId().value(), "key-generation",
                    Integer.toString(g), "key-fingerprint", id.fingerprint()));
            if (d.role().equals("validator")) {
                out.add(WorldFact.of("limits", "device", d.name(),
                        "challenge-ttl", cfg.duration("challenge-ttl", setup.challengeTtl).toString(),
                        "skew-tolerance", cfg.duration("skew-tolerance", setup.skewTolerance).toString(),
                        "challenge-ttl-cap", AutoJoinSetup.MAX_CHALLENGE_TTL.toString(),
                        "skew-tolerance-cap", AutoJoinSetup.MAX_SKEW_TOLERANCE.toString()));
            }
        }
        setup.grants.forEach((owner, grants) -> grants.forEach(g -> out.add(grant(owner, g))));
        // Who legitimately knows each session's password: its members (never the password, nor a hash of it).
        setup.sessions.forEach((id, s) -> out.add(WorldFact.of("session", "session", id, "members",
                String.join(",", s.members()))));
        return out;
    }

    private WorldFact grant(String owner, TrustedDeviceGrant g) {
        return WorldFact.of("grant", "owner", owner, "owner-client", g.owner().value(),
                "owner-key-fingerprint", g.ownerKeyFingerprint(), "trusted-client", g.trustedClient().value(),
                "trusted-key-fingerprint", g.trustedKeyFingerprint(), "scope", g.scope().displayName(),
                "created", g.created().toString(), "expires", g.expires().toString(),
                "revoked", Boolean.toString(g.revoked()));
    }

    @Override
    public List<WorldFact> afterUserAction(String device, UserAction action) {
        switch (action.name()) {
            case "rotate-key": {
                Integer current = generation.get(device);
                if (current == null) {
                    return List.of();
                }
                int next = current + 1;
                String arg = action.arg("generation");
                if (arg != null) {
                    try {
                        next = Integer.parseInt(arg);
                    } catch (NumberFormatException e) {
                        return List.of();
                    }
                }
                generation.put(device, next);
                return List.of(WorldFact.of("key-rotated", "device", device, "key-generation",
                        Integer.toString(next), "key-fingerprint", setup.identity(device, next).fingerprint()));
            }
            case "revoke-grant":
                return List.of(WorldFact.of("grant-revoked", "owner", device, "trusted-client",
                        client(action.arg("client"))));
            case "forget-key":
                return List.of(WorldFact.of("trusted-key-forgotten", "owner", device, "trusted-client",
                        client(action.arg("client"))));
            default:
                return List.of();
        }
    }

    /** A user names a client by device name or by client id; the world records the client id. */
    private String client(String nameOrClientId) {
        if (nameOrClientId == null) {
            return null;
        }
        ClientId byName = setup.directory().get(nameOrClientId);
        return byName != null ? byName.value() : nameOrClientId;
    }
}
