package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.crypto.Ed25519KeyPair;
import org.trustlab.reference.vouch.VouchMessage.Presence;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;

/**
 * The transport's notices (presence, delivery acknowledgement): bare in the spacedrive profile, signed in the
 * hardened one, where the voucher refuses a forged or replayed one with its reason and a mutant that skips the check
 * takes it.
 */
class TransportNoticesTest {
    private static final VouchConfig HARDENED = VouchConfig.builder().profile(VouchProfile.HARDENED).build();

    private static TestNet net(VouchConfig cfg, VouchMutant... mutants) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R1")) {
            net.add(d, cfg, mutants);
        }
        net.pair("V", "E");
        net.pair("V", "R1");
        return net;
    }

    private static List<String> ignored(TestNet net, String type) {
        return net.audits("V", type).stream().map(a -> a.reason()).toList();
    }

    @Test
    void hardenedPresenceIsSignedAndAReplayIsRefused() {
        TestNet net = net(HARDENED);
        net.offline("R1");
        net.online("R1");
        net.run(Duration.ofSeconds(1));
        TestNet.Wire announced = net.sent(VouchCodec.PRESENCE).stream()
                .filter(w -> w.from().equals("R1") && w.to().equals("V")).findFirst().orElseThrow();
        Presence p = (Presence) announced.message();
        assertThat(p.signature()).hasSize(64);
        assertThat(ignored(net, VouchAudit.PRESENCE_IGNORED)).isEmpty();
        net.injectBytes("R1", "V", announced.bytes());
        assertThat(ignored(net, VouchAudit.PRESENCE_IGNORED)).containsExactly("PRESENCE_REPLAYED");
    }

    @Test
    void hardenedPresenceForgedByTheAttackerIsRefused() {
        TestNet net = net(HARDENED);
        net.inject("R1", "V", new Presence(DeviceId.of("R1"), false, 5_000L, new byte[64]));
        assertThat(ignored(net, VouchAudit.PRESENCE_IGNORED)).containsExactly("PRESENCE_SIGNATURE_INVALID");
    }

    @Test
    void theMutantAndSpacedriveTakeAnUnsignedPresence() {
        for (TestNet net : List.of(net(HARDENED, VouchMutant.TRUSTS_UNSIGNED_PRESENCE),
                net(VouchConfig.defaults()))) {
            net.inject("R1", "V", new Presence(DeviceId.of("R1"), false, 5_000L, new byte[0]));
            assertThat(ignored(net, VouchAudit.PRESENCE_IGNORED)).isEmpty();
        }
    }

    @Test
    void hardenedAcknowledgementIsSignedAndAForgedOneIsRefused() {
        TestNet net = net(HARDENED);
        net.offline("R1");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        TestNet.Wire request = net.sent(VouchCodec.PROXY_PAIRING_REQUEST).get(0);
        byte[] hash = VouchPayloads.messageHash(request.bytes());
        net.inject("R1", "V", new TransportAck(hash, new byte[64]));
        assertThat(ignored(net, VouchAudit.ACK_IGNORED)).containsExactly("ACK_SIGNATURE_INVALID");
        net.run(Duration.ofSeconds(6));
        // No signed acknowledgement came: the vouch is queued, not waiting for an answer that cannot come.
        assertThat(net.statuses("V", "R1")).containsExactly("Selected", "Queued");
    }

    @Test
    void aGenuineHardenedAcknowledgementVerifies() {
        TestNet net = net(HARDENED);
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        net.run(Duration.ofSeconds(5));
        TestNet.Wire ack = net.sent(VouchCodec.TRANSPORT_ACK).get(0);
        TransportAck a = (TransportAck) ack.message();
        assertThat(Ed25519KeyPair.verify(net.node("R1").keys().ed25519(0).publicKey(),
                VouchPayloads.ack(a.messageHash(), DeviceId.of("R1")), a.signature())).isTrue();
        assertThat(ignored(net, VouchAudit.ACK_IGNORED)).isEmpty();
        assertThat(net.statuses("V", "R1")).contains("Waiting", "Accepted");
    }

    @Test
    void theMutantTakesAForgedAcknowledgementAndTheVouchEndsUnanswered() {
        TestNet net = net(HARDENED, VouchMutant.TRUSTS_UNSIGNED_ACK);
        net.offline("R1");
        net.action("V", VouchAudit.ACTION_VOUCH, "vouchee", "E", "targets", "R1");
        byte[] hash = VouchPayloads.messageHash(net.sent(VouchCodec.PROXY_PAIRING_REQUEST).get(0).bytes());
        net.inject("R1", "V", new TransportAck(hash, new byte[0]));
        net.run(Duration.ofSeconds(31));
        assertThat(net.rejections("V", VouchAudit.OUTCOME_VOUCH)).containsExactly("NO_RESPONSE");
    }
}
