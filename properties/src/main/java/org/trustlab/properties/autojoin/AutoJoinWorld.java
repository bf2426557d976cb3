package org.trustlab.properties.autojoin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.properties.invariant.Instants;
import org.trustlab.properties.invariant.LastTraceView;
import org.trustlab.properties.invariant.WorldFacts;
import org.trustlab.simulator.trace.Trace;
import org.trustlab.simulator.trace.TraceEvent.Kind;
import org.trustlab.simulator.trace.TraceEvent;

/**
 * What the world knows of an autojoin run, typed: each validator's configured limits, each device's key over time,
 * and the grant store rebuilt from the scenario's grants, the grants manual joins created, and the users'
 * revocations and forgotten keys. The invariants judge the validators' acceptances against this, never against
 * the limits or grant fields a validator writes into its own audit.
 */
public final class AutoJoinWorld {
    /** A validator's configured challenge lifetime and skew tolerance (within the specification's caps). */
    public record Limits(Duration challengeTtl, Duration skewTolerance) {}

    /**
     * One grant as the world knows it: owner device, trusted client, the keys it binds, scope and expiry; from
     * trace position {@code sinceSeq}, void from {@code voidSeq} on (a revocation or a forgotten key).
     */
    public record Grant(String owner, String trustedClient, String ownerKey, String trustedKey, String scope,
            Instant expires, boolean revokedAtSetup, long sinceSeq, long voidSeq) {
        boolean standsAt(long seq) {
            return sinceSeq < seq && !revokedAtSetup && seq < voidSeq;
        }
    }

    private record KeyAt(long seq, String fingerprint) {}

    private static final LastTraceView<AutoJoinWorld> LAST = new LastTraceView<>(AutoJoinWorld::new);

    private final Map<String, Limits> limits = new TreeMap<>();
    private final Map<String, List<KeyAt>> keys = new TreeMap<>();
    private final Map<String, String> deviceOfClient = new TreeMap<>();
    private final Map<String, String> clientOfDevice = new TreeMap<>();
    private final Map<String, String> roles = new TreeMap<>();
    private final List<Grant> grants = new ArrayList<>();
    private final Map<String, List<String>> members = new TreeMap<>();

    private AutoJoinWorld(Trace trace) {
        WorldFacts facts = new WorldFacts(trace);
        for (TraceEvent f : facts.of("identity")) {
            String device = WorldFacts.text(f, "device");
            deviceOfClient.put(WorldFacts.text(f, "client"), device);
            clientOfDevice.put(device, WorldFacts.text(f, "client"));
            roles.put(device, WorldFacts.text(f, "role"));
            keys.computeIfAbsent(device, d -> new ArrayList<>()).add(new KeyAt(f.seq(),
                    WorldFacts.text(f, "key-fingerprint")));
        }
        for (TraceEvent f : facts.of("session")) {
            members.put(WorldFacts.text(f, "session"), List.of(WorldFacts.text(f, "members").split(",")));
        }
        for (TraceEvent f : facts.of("limits")) {
            limits.put(WorldFacts.text(f, "device"), new Limits(WorldFacts.duration(f, "challenge-ttl"),
                    WorldFacts.duration(f, "skew-tolerance")));
        }
        for (TraceEvent f : facts.of("grant")) {
            grants.add(new Grant(WorldFacts.text(f, "owner"), WorldFacts.text(f, "trusted-client"),
                    WorldFacts.text(f, "owner-key-fingerprint"), WorldFacts.text(f, "trusted-key-fingerprint"),
                    WorldFacts.text(f, "scope"), WorldFacts.instant(f, "expires"),
                    "true".equals(f.field("revoked")), f.seq(), Long.MAX_VALUE));
        }
        // A manual join's grant is made by the owner after both sides proved their keys: the grant-created audit is
        // the record of that grant (what it binds is then checked against the keys the world knows).
        for (TraceEvent e : trace.events()) {
            if (e.kind() == Kind.AUDIT && e.type().equals(AutoJoinTrace.GRANT_CREATED)) {
                Instant expires = Instants.parseOrNull(e.field("grant-expires"));
                if (expires != null && e.field("grant-trusted-client") != null) {
                    grants.add(new Grant(e.node(), e.field("grant-trusted-client"),
                            e.field("grant-owner-key-fingerprint"), e.field("grant-key-fingerprint"),
                            e.field("grant-scope"), expires, false, e.seq(), Long.MAX_VALUE));
                }
            }
        }
        for (TraceEvent f : facts.of("key-rotated")) {
            keys.computeIfAbsent(WorldFacts.text(f, "device"), d -> new ArrayList<>()).add(new KeyAt(f.seq(),
                    WorldFacts.text(f, "key-fingerprint")));
        }
        List<TraceEvent> voiding = new ArrayList<>(facts.of("grant-revoked"));
        voiding.addAll(facts.of("trusted-key-forgotten"));
        for (TraceEvent f : voiding) {
            for (int i = 0; i < grants.size(); i++) {
                Grant g = grants.get(i);
                if (g.owner().equals(f.field("owner")) && g.trustedClient().equals(f.field("trusted-client"))
                        && g.sinceSeq() < f.seq() && f.seq() < g.voidSeq()) {
                    grants.set(i, new Grant(g.owner(), g.trustedClient(), g.ownerKey(), g.trustedKey(), g.scope(),
                            g.expires(), g.revokedAtSetup(), g.sinceSeq(), f.seq()));
                }
            }
        }
    }

    public static AutoJoinWorld of(Trace trace) {
        return LAST.of(trace);
    }

    /** The members of {@code session}: the devices that know its password. */
    public List<String> members(String session) {
        return members.getOrDefault(session, List.of());
    }

    /** The device whose client id is {@code client}, as the scenario set it up. */
    public Optional<String> deviceOf(String client) {
        return Optional.ofNullable(deviceOfClient.get(client));
    }

    /** The client id the scenario gave {@code device}. */
    public Optional<String> clientOf(String device) {
        return Optional.ofNullable(clientOfDevice.get(device));
    }

    /** Whether the scenario made {@code device} a requester (the joining side). */
    public boolean isValidator(String device) {
        return "validator".equals(roles.get(device));
    }

    public boolean isRequester(String device) {
        return "requester".equals(roles.get(device));
    }

    /** Every validator with configured limits, by client id. */
    public Map<String, Limits> limitsByClient() {
        Map<String, Limits> out = new TreeMap<>();
        deviceOfClient.forEach((client, device) -> {
            Limits l = limits.get(device);
            if (l != null) {
                out.put(client, l);
            }
        });
        return out;
    }

    public Optional<Limits> limits(String validator) {
        return Optional.ofNullable(limits.get(validator));
    }

    /** The fingerprint of {@code device}'s key at trace position {@code seq}, as the world made it. */
    public Optional<String> keyAt(String device, long seq) {
        String fp = null;
        for (KeyAt k : keys.getOrDefault(device, List.of())) {
            if (k.seq() < seq) {
                fp = k.fingerprint();
            }
        }
        return Optional.ofNullable(fp);
    }

    /** The newest grant of {@code owner} for {@code client} that stands at {@code seq}, if any. */
    public Optional<Grant> grantAt(String owner, String client, long seq) {
        Grant found = null;
        for (Grant g : grants) {
            if (g.owner().equals(owner) && g.trustedClient().equals(client) && g.standsAt(seq)
                    && (found == null || g.sinceSeq() > found.sinceSeq())) {
                found = g;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether any grant of {@code owner} for {@code client} was ever made before {@code seq}. */
    public boolean everGranted(String owner, String client, long seq) {
        return grants.stream().anyMatch(g -> g.owner().equals(owner) && g.trustedClient().equals(client)
                && g.sinceSeq() < seq);
    }
}
