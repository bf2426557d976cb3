package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.KeyRing;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.AcceptedDevice;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;

/** The vouchee's checks on ProxyPairingComplete. */
class VoucheeTest {

    private static TestNet net(VouchConfig cfg) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R1", "M")) {
            net.add(d, cfg);
        }
        net.pair("V", "E");
        net.pair("V", "R1");
        return net;
    }

    /** A genuine-looking Complete from {@code voucher}, signed with {@code signer}, carrying {@code accepted}. */
    private static ProxyPairingComplete complete(String voucher, KeyRing signer, List<AcceptedDevice> accepted) {
        ProxyPairingComplete unsigned = new ProxyPairingComplete("s-1", DeviceId.of(voucher), accepted, List.of(),
                new byte[0]);
        return new ProxyPairingComplete("s-1", DeviceId.of(voucher), accepted, List.of(),
                signer.ed25519(0).sign(VouchPayloads.complete(unsigned)));
    }

    private static AcceptedDevice sealedFor(TestNet net, String device, SessionKeys keys) {
        PairingRecord e = net.role("V").pairing(DeviceId.of("E")).orElseThrow();
        byte[] sealed = VouchKeys.seal(e.keys().send(), VouchKeys.proxiedKeysAad("s-1", DeviceId.of("V"),
                DeviceId.of(device), DeviceId.of("E")), keys, net.node("V").random);
        return new AcceptedDevice(net.node(device).info(), net.node(device).keys.ed25519(0).publicKey(), sealed,
                new byte[0], new byte[0]);
    }

    private static SessionKeys keys(int a, int b) {
        byte[] x = new byte[32];
        byte[] y = new byte[32];
        x[0] = (byte) a;
        y[0] = (byte) b;
        return new SessionKeys(x, y);
    }

    private static String lastRejection(TestNet net) {
        List<String> r = net.rejections("E", VouchAudit.OUTCOME_PROXIED_PAIRING);
        return r.get(r.size() - 1);
    }

    @Test
    void aSignedCompleteFromTheDirectVoucherIsAppliedOnce() {
        TestNet net = net(VouchConfig.defaults());
        ProxyPairingComplete c = complete("V", net.node("V").keys, List.of(sealedFor(net, "R1", keys(1, 2))));
        net.inject("V", "E", c);
        assertThat(net.accepted("E", VouchAudit.OUTCOME_PROXIED_PAIRING)).isEqualTo(1);
        PairingRecord r1 = net.role("E").pairing(DeviceId.of("R1")).orElseThrow();
        assertThat(r1.type()).isEqualTo(PairingType.PROXIED);
        assertThat(r1.chainText()).isEqualTo("E>V>R1");
        net.inject("V", "E", c);
        assertThat(lastRejection(net)).isEqualTo("COMPLETE_REPLAYED");
    }

    @Test
    void completesFromStrangersOrWithBadSignaturesAreRefused() {
        TestNet net = net(VouchConfig.defaults());
        net.inject("M", "E", complete("M", net.node("M").keys, List.of()));
        assertThat(lastRejection(net)).isEqualTo("COMPLETE_FROM_UNPAIRED");
        net.inject("M", "E", complete("V", net.node("M").keys, List.of(sealedFor(net, "R1", keys(1, 2)))));
        assertThat(lastRejection(net)).isEqualTo("COMPLETE_SIGNATURE_INVALID");
        net.pairProxied("E", "M", "V");
        net.inject("M", "E", complete("M", net.node("M").keys, List.of()));
        assertThat(lastRejection(net)).isEqualTo("VOUCHER_NOT_DIRECT");
        assertThat(net.role("E").pairing(DeviceId.of("R1"))).isEmpty();
    }

    @Test
    void keyProblemsAndKnownDevicesAreRefusedPerDevice() {
        TestNet net = net(VouchConfig.defaults());
        net.pair("E", "M");
        AcceptedDevice garbled = new AcceptedDevice(net.node("R1").info(), net.node("R1").keys.ed25519(0).publicKey(),
                new byte[40], new byte[0], new byte[0]);
        net.inject("V", "E", complete("V", net.node("V").keys, List.of(garbled, sealedFor(net, "M", keys(1, 2)))));
        assertThat(net.rejections("E", VouchAudit.OUTCOME_PROXIED_PAIRING))
                .containsExactly("PROXIED_KEYS_UNREADABLE", "DEVICE_ALREADY_PAIRED");
        // The same session again, even with different contents, is not applied twice.
        net.inject("V", "E", complete("V", net.node("V").keys, List.of()));
        assertThat(lastRejection(net)).isEqualTo("COMPLETE_REPLAYED");
    }

    @Test
    void equalProxiedKeysAreRefused() {
        TestNet net = net(VouchConfig.defaults());
        net.inject("V", "E", complete("V", net.node("V").keys, List.of(sealedFor(net, "R1", keys(3, 3)))));
        assertThat(lastRejection(net)).isEqualTo("PROXIED_KEYS_NOT_DISTINCT");
    }

    @Test
    void hardenedSharesMustCarryTheAcceptingDevicesSignature() {
        TestNet net = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build());
        byte[] share = net.node("M").keys.x25519(0).publicKey();
        // The voucher (or anyone in its place) substitutes a share of its own under R1's name.
        byte[] forged = net.node("V").keys.ed25519(0).sign(VouchPayloads.response("s-1", DeviceId.of("R1"), true, "",
                share, DeviceId.of("E"), DeviceId.of("V")));
        AcceptedDevice a = new AcceptedDevice(net.node("R1").info(), net.node("R1").keys.ed25519(0).publicKey(),
                new byte[0], share, forged);
        net.inject("V", "E", complete("V", net.node("V").keys, List.of(a)));
        assertThat(lastRejection(net)).isEqualTo("SHARE_SIGNATURE_INVALID");
    }

    @Test
    void theRealFlowDeliversTheCompleteAfterTheLastAnswer() {
        TestNet net = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build());
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.run(Duration.ofSeconds(3));
        assertThat(net.accepted("E", VouchAudit.OUTCOME_PROXIED_PAIRING)).isEqualTo(1);
        assertThat(net.role("E").pairing(DeviceId.of("R1")).orElseThrow().keys().fingerprint())
                .isEqualTo(net.role("R1").pairing(DeviceId.of("E")).orElseThrow().keys().fingerprint());
    }
}
