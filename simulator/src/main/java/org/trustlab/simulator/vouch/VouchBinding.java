package org.trustlab.simulator.vouch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Role;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Bytes;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.crypto.X25519KeyPair;
import org.trustlab.reference.vouch.DeviceInfo;
import org.trustlab.reference.vouch.VouchAudit;
import org.trustlab.reference.vouch.VouchCodec;
import org.trustlab.reference.vouch.VouchConfig;
import org.trustlab.reference.vouch.VouchDevice;
import org.trustlab.reference.vouch.VouchKeys;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage;
import org.trustlab.reference.vouch.VouchMessage.AcceptedDevice;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.Presence;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRevoked;
import org.trustlab.reference.vouch.VouchMessage.Unpair;
import org.trustlab.reference.vouch.VouchMutant;
import org.trustlab.reference.vouch.VouchPayloads;
import org.trustlab.reference.vouch.VouchProfile;
import org.trustlab.simulator.protocol.AttackerContext;
import org.trustlab.simulator.protocol.BindingContext;
import org.trustlab.simulator.protocol.ConfigView;
import org.trustlab.simulator.protocol.DeviceSpec;
import org.trustlab.simulator.protocol.ForgeryRefused;
import org.trustlab.simulator.protocol.LearnedSecret;
import org.trustlab.simulator.protocol.ObservedMessage;
import org.trustlab.simulator.protocol.ProtocolBinding;
import org.trustlab.simulator.protocol.ScenarioException;
import org.trustlab.simulator.protocol.SetupCache;
import org.trustlab.simulator.protocol.Users;
import org.trustlab.simulator.protocol.Vocabulary;
import org.trustlab.simulator.protocol.WorldFacts;

/**
 * Hosts proxy pairing by vouching ({@code protocol: vouch}). Every device runs {@link VouchDevice}; its role name
 * ({@code device}, {@code voucher}, {@code receiver}, {@code target}, {@code vouchee}) only documents the part it
 * plays. Set-up and device configuration are described in {@link VouchSetup}. User actions are the reference's
 * ({@code network.pair.request}, {@code network.pair.confirm}, {@code network.pair.vouch}, ...); how the users carry
 * out a confirmation (comparing the screens) is {@link VouchUsers}.
 */
public final class VouchBinding implements ProtocolBinding<VouchMessage> {
    public static final String NAME = "vouch";
    /** What {@link #analyze} reports: the kinds the secrecy invariant compares with the roles' audit. */
    public static final String PROXIED_SESSION_KEY = "proxied-session-key";
    public static final String PAIRING_SECRET = "pairing-secret";
    private static final VouchCodec CODEC = new VouchCodec();
    static final SetupCache<VouchSetup> SETUPS = new SetupCache<>(VouchSetup::new);

    @Override
    public String name() {
        return NAME;
    }

    /** The code one screen shows and the user confirms on the other: six digits, a guess in a million. */
    @Override
    public Map<String, String> lowEntropyFields() {
        return LOW_ENTROPY_FIELDS;
    }

    private static final Map<String, String> LOW_ENTROPY_FIELDS = Map.of(VouchAudit.CODE, "pairing code");

    @Override
    public Vocabulary vocabulary() {
        return VouchWords.VOCABULARY;
    }

    @Override
    public WireCodec<VouchMessage> codec() {
        return CODEC;
    }

    @Override
    public WorldFacts worldFacts(BindingContext ctx) {
        return new VouchWorldFacts(SETUPS.of(ctx), ctx);
    }

    @Override
    public Users users(BindingContext ctx) {
        return new VouchUsers();
    }

    @Override
    public Role<VouchMessage> createRole(DeviceSpec device, BindingContext ctx) {
        if (!VouchSetup.ROLES.contains(device.role())) {
            throw new ScenarioException("vouch devices have role " + String.join(", ", VouchSetup.ROLES) + ", not '"
                    + device.role() + "'", "role");
        }
        VouchSetup setup = SETUPS.of(ctx);
        VouchConfig config = setup.config(device);
        VouchDevice role = new VouchDevice(device.id(), VouchSetup.name(device), config, setup.mutants);
        setup.pairingsOf(device).forEach(role::install);
        return role;
    }

    /**
     * {@code message:} for {@code inject} steps ({@code sign-with} a device signs with that device's key, which
     * the attacker must hold then; the default is its own):
     * <ul>
     *   <li>{@code type: proxy-pairing-request}: a vouch. {@code voucher} (claimed; default the first paired
     *       device), {@code vouchee} (default {@code attacker}: the attacker's own device), {@code target} (whose
     *       name the hardened signature carries and whose channel the keys are sealed for; default the voucher's
     *       first peer), {@code session} (default fresh), {@code age} (dated this long before now),
     *       {@code future} (after now), {@code keys}: {@code distinct} (default) or {@code equal}.</li>
     *   <li>{@code type: observed-request}: the latest observed ProxyPairingRequest ({@code session} selects one,
     *       {@code sent-to} the latest sent to that device), copied as is, or re-signed for {@code resign-for} with
     *       the voucher's key, which the attacker must hold (whose key that is shows only in the run: without it the
     *       step is recorded as not made). A copy may carry {@code vouchee-key}: that device's identity key in place
     *       of the vouchee's, and {@code redate: true}: the current time as its timestamp; both keep the voucher's
     *       signature, which then verifies only where it does not cover the field.</li>
     *   <li>{@code type: proxy-pairing-response}: an answer to the latest observed vouch ({@code session}),
     *       claiming {@code from} (default its target), {@code accepted} (default true).</li>
     *   <li>{@code type: observed-response}: the latest observed ProxyPairingResponse ({@code session} selects
     *       one, {@code sent-by} the latest its target sent), copied with {@code accepted} as given (an acceptance
     *       with an empty reason, a rejection with {@code USER_REJECTED}) under the target's own signature, which
     *       then verifies only where it does not cover the verdict.</li>
     *   <li>{@code type: proxy-pairing-revoked}: a withdrawal of the latest observed vouch ({@code session}),
     *       claiming its {@code voucher} and {@code vouchee}, bound to {@code target} (default the vouch's
     *       recipient).</li>
     *   <li>{@code type: unpair}: {@code device} tells {@code peer} it unpaired it.</li>
     *   <li>{@code type: presence}: {@code device} claims to be online (to {@code recipient}, signed by
     *   {@code sign-with}; the attacker by default, so only the spacedrive profile takes it).</li>
     *   <li>{@code type: transport-ack}: the transport acknowledgement of the latest observed vouch
     *   ({@code session}, {@code sent-to}), its hash computed from the observed bytes, signed by {@code sign-with}.</li>
     *   <li>{@code type: proxy-pairing-complete}: to {@code vouchee}, claiming {@code voucher}, listing
     *       {@code accepted} devices with keys sealed on the voucher–vouchee channel when the attacker can.</li>
     * </ul>
     */
    @Override
    public VouchMessage forge(Map<String, Object> spec, AttackerContext<VouchMessage> ctx) {
        ConfigView m = new ConfigView(spec, "message");
        AttackerKnowledge k = new AttackerKnowledge(ctx);
        String type = m.string("type");
        switch (type) {
            case "proxy-pairing-request":
                m.onlyKeys("type", "voucher", "vouchee", "target", "session", "age", "future", "keys", "sign-with");
                return forgedRequest(m, k, ctx);
            case "observed-request":
                m.onlyKeys("type", "session", "sent-to", "resign-for", "vouchee-key", "redate");
                return observedRequest(m, k, ctx);
            case "proxy-pairing-response":
                m.onlyKeys("type", "session", "from", "accepted", "sign-with");
                return forgedResponse(m, k, ctx);
            case "unpair": {
                m.onlyKeys("type", "device", "peer", "sign-with");
                Unpair unsigned = new Unpair(DeviceId.of(m.string("device")), DeviceId.of(m.string("peer")),
                        ctx.now().toEpochMilli(), new byte[0]);
                return new Unpair(unsigned.deviceId(), unsigned.peerId(), unsigned.timestamp(),
                        k.signer(m.string("sign-with", ATTACKER)).sign(VouchPayloads.unpair(unsigned)));
            }
            case "observed-response": {
                m.onlyKeys("type", "session", "sent-by", "accepted");
                Optional<ObservedMessage<VouchMessage>> seen = k.response(m.optionalString("session").orElse(null),
                        m.optionalString("sent-by").orElse(null));
                if (seen.isEmpty()) {
                    // Nothing observed yet (the random attacker moves early): an answer of its own making instead.
                    return forgedResponse(new ConfigView(Map.of(), "message"), k, ctx);
                }
                ProxyPairingResponse r = (ProxyPairingResponse) seen.get().message();
                boolean accepted = m.flag("accepted", r.accepted());
                String reason = accepted == r.accepted() ? r.reason() : accepted ? "" : "USER_REJECTED";
                return new ProxyPairingResponse(r.sessionId(), r.acceptingDeviceId(), accepted, reason, r.keyShare(),
                        r.signature());
            }
            case "proxy-pairing-revoked": {
                m.onlyKeys("type", "session", "voucher", "vouchee", "target", "sign-with");
                Optional<ObservedMessage<VouchMessage>> seen = k.request(m.optionalString("session").orElse(null));
                ProxyPairingRequest req = seen.map(o -> (ProxyPairingRequest) o.message())
                        .orElseGet(() -> forgedRequest(new ConfigView(Map.of(), "message"), k, ctx));
                DeviceId voucher = DeviceId.of(m.string("voucher", req.voucherDeviceId().value()));
                DeviceId vouchee = DeviceId.of(m.string("vouchee", req.voucheeDeviceInfo().id().value()));
                DeviceId target = DeviceId.of(m.string("target", seen.map(o -> o.to().value()).orElse(ATTACKER)));
                String reason = "VOUCH_REVOKED";
                byte[] payload = VouchPayloads.revoked(req.sessionId(), voucher, vouchee, reason, target);
                return new ProxyPairingRevoked(req.sessionId(), voucher, vouchee, reason,
                        k.signer(m.string("sign-with", ATTACKER)).sign(payload));
            }
            case "presence": {
                m.onlyKeys("type", "device", "recipient", "sign-with");
                DeviceId device = DeviceId.of(m.string("device"));
                long now = ctx.now().toEpochMilli();
                byte[] payload = VouchPayloads.presence(device, DeviceId.of(m.string("recipient", ATTACKER)), false,
                        now);
                return new Presence(device, false, now, k.signer(m.string("sign-with", ATTACKER)).sign(payload));
            }
            case "transport-ack": {
                m.onlyKeys("type", "session", "sent-to", "sign-with");
                String sentTo = m.optionalString("sent-to").orElse(null);
                Optional<ObservedMessage<VouchMessage>> seen = k.request(m.optionalString("session").orElse(null),
                        sentTo);
                VouchMessage req = seen.map(ObservedMessage::message)
                        .orElseGet(() -> forgedRequest(new ConfigView(Map.of(), "message"), k, ctx));
                DeviceId receiver = DeviceId.of(seen.map(o -> o.to().value()).orElse(sentTo == null ? ATTACKER
                        : sentTo));
                // The hash of what was on the wire, which anyone who saw the request can compute.
                byte[] hash = VouchPayloads.messageHash(new VouchCodec().encode(req));
                return new TransportAck(hash, k.signer(m.string("sign-with", ATTACKER))
                        .sign(VouchPayloads.ack(hash, receiver)));
            }
            case "proxy-pairing-complete":
                m.onlyKeys("type", "voucher", "vouchee", "session", "accepted", "sign-with");
                return forgedComplete(m, k, ctx);
            default:
                throw m.error("type", "vouch forgeries are proxy-pairing-request, observed-request, "
                        + "proxy-pairing-response, observed-response, proxy-pairing-complete, proxy-pairing-revoked, unpair, presence or transport-ack, not '" + type + "'");
        }
    }

    /**
     * What a proxy-pairing message says on the wire (public fields only): which vouch a request, an answer or a
     * session's result belongs to, so the liveness invariants read the exchange off the wire, not off an audit.
     */
    @Override
    public Map<String, String> wireFacts(VouchMessage message) {
        Map<String, String> f = new java.util.TreeMap<>();
        if (message instanceof ProxyPairingRequest r) {
            f.put("wire-session", r.sessionId());
            f.put("wire-voucher", r.voucherDeviceId().value());
            f.put("wire-vouchee", r.voucheeDeviceInfo().id().value());
        } else if (message instanceof ProxyPairingResponse r) {
            f.put("wire-session", r.sessionId());
            f.put("wire-target", r.acceptingDeviceId().value());
            f.put("wire-accepted", Boolean.toString(r.accepted()));
        } else if (message instanceof ProxyPairingComplete c) {
            f.put("wire-session", c.sessionId());
            f.put("wire-voucher", c.voucherDeviceId().value());
            f.put("wire-accepted-by", String.join(",", c.acceptedBy().stream()
                    .map(a -> a.deviceInfo().id().value()).toList()));
            f.put("wire-rejected-by", String.join(",", c.rejectedBy().stream()
                    .map(r -> r.deviceId().value()).toList()));
        } else if (message instanceof ProxyPairingRevoked r) {
            f.put("wire-session", r.sessionId());
            f.put("wire-voucher", r.voucherDeviceId().value());
        }
        return f;
    }

    private static final String ATTACKER = AttackerKnowledge.ATTACKER;

    private static boolean signsTarget(AttackerKnowledge k, AttackerContext<VouchMessage> ctx) {
        return k.setup().profile == VouchProfile.HARDENED
                && !ctx.binding().mutant(VouchMutant.UNSIGNED_TARGET.qualifiedName());
    }

    private static boolean voucherDerivesKeys(AttackerKnowledge k, AttackerContext<VouchMessage> ctx) {
        return k.setup().profile == VouchProfile.SPACEDRIVE
                || ctx.binding().mutant(VouchMutant.VOUCHER_KEEPS_KEYS.qualifiedName());
    }

    private static boolean signsVerdict(AttackerContext<VouchMessage> ctx) {
        return !ctx.binding().mutant(VouchMutant.UNSIGNED_VERDICT.qualifiedName());
    }

    /** An answer to the latest observed vouch ({@code session}), claiming {@code from}, signed by {@code sign-with}. */
    private static ProxyPairingResponse forgedResponse(ConfigView m, AttackerKnowledge k,
            AttackerContext<VouchMessage> ctx) {
        Optional<ObservedMessage<VouchMessage>> seen = k.request(m.optionalString("session").orElse(null));
        // Nothing observed yet (the random attacker moves early): answer a vouch of its own making.
        ProxyPairingRequest req = seen.map(o -> (ProxyPairingRequest) o.message())
                .orElseGet(() -> forgedRequest(new ConfigView(Map.of(), "message"), k, ctx));
        String from = m.string("from", seen.map(o -> o.to().value()).orElse(ATTACKER));
        boolean accepted = m.flag("accepted", true);
        String reason = accepted ? "" : "USER_REJECTED";
        byte[] payload = VouchPayloads.response(signsVerdict(ctx), req.sessionId(), DeviceId.of(from), accepted,
                reason, new byte[0], req.voucheeDeviceInfo().id(), req.voucherDeviceId());
        return new ProxyPairingResponse(req.sessionId(), DeviceId.of(from), accepted, reason, new byte[0],
                k.signer(m.string("sign-with", ATTACKER)).sign(payload));
    }

    private static VouchPayloads.Coverage coverage(AttackerKnowledge k, AttackerContext<VouchMessage> ctx) {
        return new VouchPayloads.Coverage(signsTarget(k, ctx),
                !ctx.binding().mutant(VouchMutant.UNSIGNED_VOUCHEE_KEY.qualifiedName()),
                !ctx.binding().mutant(VouchMutant.UNSIGNED_TIMESTAMP.qualifiedName()));
    }

    private static ProxyPairingRequest forgedRequest(ConfigView m, AttackerKnowledge k,
            AttackerContext<VouchMessage> ctx) {
        VouchSetup.Pairing first = k.setup().pairings.isEmpty() ? null : k.setup().pairings.get(0);
        String voucher = m.string("voucher", first == null ? ATTACKER : first.a());
        String target = m.string("target", first == null ? ATTACKER : first.b());
        String vouchee = m.string("vouchee", ATTACKER);
        String session = m.string("session", "s-" + Bytes.hex(ctx.random().bytes(8)));
        long ts = ctx.now().minus(m.duration("age", Duration.ZERO)).plus(m.duration("future", Duration.ZERO))
                .toEpochMilli();
        DeviceInfo info = k.info(vouchee);
        byte[] voucheeKey = k.identityKey(vouchee);
        byte[] payload = VouchPayloads.vouch(coverage(k, ctx), session, info, voucheeKey, ts, DeviceId.of(target),
                DeviceId.of(voucher));
        Ed25519KeyPair signer = k.signer(m.string("sign-with", ATTACKER));
        byte[] sealed = new byte[0];
        if (voucherDerivesKeys(k, ctx)) {
            String which = m.string("keys", "distinct");
            if (!which.equals("distinct") && !which.equals("equal")) {
                throw m.error("keys", "keys must be distinct or equal");
            }
            byte[] a = ctx.random().bytes(VouchKeys.KEY_LENGTH);
            SessionKeys keys = new SessionKeys(a, which.equals("equal") ? a : ctx.random().bytes(VouchKeys.KEY_LENGTH));
            Optional<SessionKeys> channel = k.channel(voucher, target);
            // Without the voucher–target channel key the attacker can only send bytes that will not open.
            sealed = channel.map(c -> VouchKeys.seal(c.send(), VouchKeys.proxiedKeysAad(session, DeviceId.of(voucher),
                    DeviceId.of(target), DeviceId.of(vouchee)), keys, ctx.random()))
                    .orElseGet(() -> ctx.random().bytes(12 + 16 + 80));
        }
        return new ProxyPairingRequest(session, info, voucheeKey, DeviceId.of(voucher), signer.sign(payload), ts,
                sealed);
    }

    private static ProxyPairingRequest observedRequest(ConfigView m, AttackerKnowledge k,
            AttackerContext<VouchMessage> ctx) {
        Optional<ObservedMessage<VouchMessage>> seen = k.request(m.optionalString("session").orElse(null),
                m.optionalString("sent-to").orElse(null));
        if (seen.isEmpty()) {
            // Nothing to replay yet (the random attacker moves early): a vouch of its own making instead.
            return forgedRequest(new ConfigView(Map.of(), "message"), k, ctx);
        }
        ProxyPairingRequest req = altered((ProxyPairingRequest) seen.get().message(), m, k, ctx);
        Optional<String> resignFor = m.optionalString("resign-for");
        String voucher = req.voucherDeviceId().value();
        if (resignFor.isEmpty()) {
            return req;
        }
        if (!k.holds(voucher)) {
            throw new ForgeryRefused(voucher + "@0");
        }
        String target = resignFor.get();
        byte[] payload = VouchPayloads.vouch(coverage(k, ctx), req.sessionId(), req.voucheeDeviceInfo(),
                req.voucheePublicKey(), req.timestamp(), DeviceId.of(target), req.voucherDeviceId());
        byte[] sealed = req.proxiedSessionKeys();
        if (sealed.length > 0) {
            Optional<SessionKeys> channel = k.channel(voucher, target);
            if (channel.isPresent()) {
                SessionKeys keys = new SessionKeys(ctx.random().bytes(32), ctx.random().bytes(32));
                sealed = VouchKeys.seal(channel.get().send(), VouchKeys.proxiedKeysAad(req.sessionId(),
                        req.voucherDeviceId(), DeviceId.of(target), req.voucheeDeviceInfo().id()), keys, ctx.random());
            }
        }
        return new ProxyPairingRequest(req.sessionId(), req.voucheeDeviceInfo(), req.voucheePublicKey(),
                req.voucherDeviceId(), k.signer(voucher).sign(payload), req.timestamp(), sealed);
    }

    /**
     * An observed vouch with the vouchee's key swapped for {@code vouchee-key}'s, or re-dated to now, under the
     * voucher's own signature: what a network attacker does to a field the signature may not cover.
     */
    private static ProxyPairingRequest altered(ProxyPairingRequest req, ConfigView m, AttackerKnowledge k,
            AttackerContext<VouchMessage> ctx) {
        Optional<String> keyOf = m.optionalString("vouchee-key");
        boolean redate = m.flag("redate", false);
        if (keyOf.isEmpty() && !redate) {
            return req;
        }
        byte[] key = keyOf.map(k::identityKey).orElse(req.voucheePublicKey());
        long ts = redate ? ctx.now().toEpochMilli() : req.timestamp();
        return new ProxyPairingRequest(req.sessionId(), req.voucheeDeviceInfo(), key, req.voucherDeviceId(),
                req.voucherSignature(), ts, req.proxiedSessionKeys());
    }

    private static ProxyPairingComplete forgedComplete(ConfigView m, AttackerKnowledge k,
            AttackerContext<VouchMessage> ctx) {
        String voucher = m.string("voucher", ATTACKER);
        String vouchee = m.string("vouchee");
        String session = m.string("session", "s-" + Bytes.hex(ctx.random().bytes(8)));
        Optional<SessionKeys> channel = k.channel(voucher, vouchee);
        List<AcceptedDevice> accepted = new ArrayList<>();
        for (String d : m.strings("accepted")) {
            SessionKeys keys = new SessionKeys(ctx.random().bytes(32), ctx.random().bytes(32));
            byte[] sealed = channel.map(c -> VouchKeys.seal(c.send(), VouchKeys.proxiedKeysAad(session,
                    DeviceId.of(voucher), DeviceId.of(d), DeviceId.of(vouchee)), keys, ctx.random()))
                    .orElseGet(() -> ctx.random().bytes(108));
            accepted.add(new AcceptedDevice(k.info(d), k.identityKey(d), sealed, new byte[0], new byte[0]));
        }
        ProxyPairingComplete unsigned = new ProxyPairingComplete(session, DeviceId.of(voucher), accepted, List.of(),
                new byte[0]);
        return new ProxyPairingComplete(session, DeviceId.of(voucher), accepted, List.of(),
                k.signer(m.string("sign-with", ATTACKER)).sign(VouchPayloads.complete(unsigned)));
    }

    /**
     * Dolev-Yao analysis. With one side's long-term agreement key the attacker computes a direct pairing's secret
     * from the observed transcript (learned: {@code pairing-secret}); with a channel key it opens the proxied keys a
     * spacedrive voucher seals into ProxyPairingRequest and ProxyPairingComplete (learned: {@code
     * proxied-session-key}); in the hardened profile it learns a proxied key only with the vouchee's private agreement
     * key and the target's observed key share.
     */
    @Override
    public List<LearnedSecret> analyze(VouchMessage message, AttackerContext<VouchMessage> ctx) {
        List<ObservedMessage<VouchMessage>> seen = ctx.observed();
        if (seen.isEmpty()) {
            return List.of();
        }
        ObservedMessage<VouchMessage> self = seen.get(seen.size() - 1);
        String from = self.from().value();
        String to = self.to().value();
        AttackerKnowledge k = new AttackerKnowledge(ctx);
        List<LearnedSecret> out = new ArrayList<>();
        if (message instanceof PairingChallenge ch) {
            k.pairingSecret(ch.device().id().value(), to).ifPresent(s -> out.add(new LearnedSecret(PAIRING_SECRET,
                    Bytes.fingerprint(s))));
        } else if (message instanceof ProxyPairingRequest r && r.proxiedSessionKeys().length > 0) {
            String voucher = r.voucherDeviceId().value();
            k.channel(to, voucher).flatMap(c -> VouchKeys.open(c.receive(), VouchKeys.proxiedKeysAad(r.sessionId(),
                    r.voucherDeviceId(), DeviceId.of(to), r.voucheeDeviceInfo().id()), r.proxiedSessionKeys()))
                    .ifPresent(keys -> out.add(new LearnedSecret(PROXIED_SESSION_KEY, keys.fingerprint())));
        } else if (message instanceof ProxyPairingComplete c) {
            String voucher = c.voucherDeviceId().value();
            Optional<SessionKeys> channel = k.channel(to, voucher);
            for (AcceptedDevice a : c.acceptedBy()) {
                if (channel.isPresent() && a.sessionKeys().length > 0) {
                    VouchKeys.open(channel.get().receive(), VouchKeys.proxiedKeysAad(c.sessionId(),
                            c.voucherDeviceId(), a.deviceInfo().id(), DeviceId.of(to)), a.sessionKeys())
                            .ifPresent(keys -> out.add(new LearnedSecret(PROXIED_SESSION_KEY, keys.fingerprint())));
                }
            }
        } else if (message instanceof ProxyPairingResponse r && r.accepted() && r.keyShare().length > 0) {
            k.request(r.sessionId()).ifPresent(o -> {
                ProxyPairingRequest req = (ProxyPairingRequest) o.message();
                Optional<X25519KeyPair> vouchee = k.agreementKey(req.voucheeDeviceInfo().id().value());
                vouchee.flatMap(x -> x.agree(r.keyShare())).map(dh -> VouchKeys.proxiedKeysHardened(dh,
                        r.sessionId(), req.voucherDeviceId(), r.acceptingDeviceId(), req.voucheeDeviceInfo().id(),
                        req.voucheePublicKey(), r.keyShare()))
                        .ifPresent(keys -> out.add(new LearnedSecret(PROXIED_SESSION_KEY, keys.fingerprint())));
            });
        }
        return List.copyOf(out);
    }

    /**
     * Forgeries the random attacker tries: a vouch for itself in a paired device's name, a forged answer, and a
     * forged withdrawal.
     */
    @Override
    public List<Map<String, Object>> forgeryMenu() {
        return List.of(
                ProtocolBinding.forgery("type", "proxy-pairing-request"),
                ProtocolBinding.forgery("type", "proxy-pairing-request", "age", "10m"),
                ProtocolBinding.forgery("type", "observed-request"),
                ProtocolBinding.forgery("type", "proxy-pairing-response"),
                ProtocolBinding.forgery("type", "proxy-pairing-revoked"));
    }
}
