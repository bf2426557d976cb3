package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.AuditEvent;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.Outcome;
import org.trustlab.reference.vouch.VouchKeys.SessionKeys;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;

/** One test per receiving-device check and reason code, on a voucher V, vouchee E, receiver R (and others). */
class ReceiverChecksTest {

    private static TestNet net(VouchConfig cfg, VouchMutant... mutants) {
        TestNet net = new TestNet();
        for (String d : List.of("V", "E", "R", "R2", "M")) {
            net.add(d, cfg, mutants);
        }
        net.pair("V", "E");
        net.pair("V", "R");
        net.pair("V", "R2");
        return net;
    }

    private static TestNet net() {
        return net(VouchConfig.defaults());
    }

    private static String lastRejection(TestNet net, String node) {
        List<String> r = net.rejections(node, VouchAudit.OUTCOME_PROXY_PAIRING);
        return r.isEmpty() ? null : r.get(r.size() - 1);
    }

    private static List<ProxyPairingResponse> responses(TestNet net, String from) {
        return net.sent(VouchCodec.PROXY_PAIRING_RESPONSE).stream().filter(w -> w.from().equals(from))
                .map(w -> (ProxyPairingResponse) w.message()).toList();
    }

    @Test
    void aGenuineFreshVouchIsAcceptedAndAuditedWithItsBindings() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        assertThat(net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
        Outcome o = net.outcomes("R", VouchAudit.OUTCOME_PROXY_PAIRING).get(0);
        assertThat(o.fields()).containsEntry(VouchAudit.VOUCHER, "V").containsEntry(VouchAudit.VOUCHEE, "E")
                .containsEntry(VouchAudit.RECEIVER, "R").containsEntry(VouchAudit.CHAIN, "R>V>E")
                .containsEntry(VouchAudit.PROFILE, "spacedrive").containsEntry(VouchAudit.SESSION_ID, "s-test")
                .containsEntry(VouchAudit.SIGNATURE_KEY, net.node("V").keys.ed25519(0).fingerprint())
                .containsKeys(VouchAudit.VOUCH_TIMESTAMP, VouchAudit.RECEIVER_LOCAL_TIME, VouchAudit.VOUCH_ID,
                        VouchAudit.PROXIED_KEY);
        PairingRecord stored = net.role("R").pairing(DeviceId.of("E")).orElseThrow();
        assertThat(stored.type()).isEqualTo(PairingType.PROXIED);
        assertThat(stored.voucher()).isEqualTo(DeviceId.of("V"));
        AuditEvent holds = net.audits("R", VouchAudit.HOLDS_PROXIED_KEY).get(0);
        assertThat(holds.field(VouchAudit.HOLDER)).isEqualTo("R");
        assertThat(holds.field(VouchAudit.KEY_FINGERPRINT)).isEqualTo(o.fields().get(VouchAudit.PROXIED_KEY));
        assertThat(responses(net, "R")).singleElement().satisfies(r -> assertThat(r.accepted()).isTrue());
        // The transport acknowledged delivery before anything else.
        assertThat(net.sent(VouchCodec.TRANSPORT_ACK)).hasSize(1);
    }

    @Test
    void voucherNotPaired() {
        TestNet net = net();
        net.pair("M", "E");
        Forge f = new Forge(net);
        f.voucher = "M";
        f.sealFor = null;
        net.inject("M", "R", f.build());
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCHER_NOT_PAIRED");
        // An unauthenticated claimant gets no answer.
        assertThat(responses(net, "R")).isEmpty();
    }

    @Test
    void voucherNotDirect() {
        TestNet net = net();
        net.pairProxied("R", "M", "V");
        net.pair("M", "E");
        Forge f = new Forge(net);
        f.voucher = "M";
        f.sealFor = "R";
        net.pairProxied("M", "R", "V");
        net.inject("M", "R", f.build());
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCHER_NOT_DIRECT");
    }

    @Test
    void blockedAndUnreliableVouchersAreRefused() {
        TestNet net = net();
        net.trust("R", "V", TrustLevel.BLOCKED);
        net.inject("V", "R", new Forge(net).build());
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCHER_BLOCKED");
        net.trust("R2", "V", TrustLevel.UNRELIABLE);
        Forge f = new Forge(net);
        f.target = "R2";
        f.sealFor = "R2";
        net.inject("V", "R2", f.build());
        assertThat(lastRejection(net, "R2")).isEqualTo("VOUCHER_UNRELIABLE");
    }

    @Test
    void aVouchSignedWithAnotherKeyIsRefused() {
        TestNet net = net();
        Forge f = new Forge(net);
        f.signer = net.node("M").keys;
        net.inject("M", "R", f.build());
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCH_SIGNATURE_INVALID");
        assertThat(responses(net, "R")).isEmpty();
    }

    @Test
    void theTimestampWindowIsJudgedOnTheReceiversClock() {
        TestNet net = net();
        // The voucher's clock is 10 minutes behind; judged on R's clock, a vouch it signs "now" is 600 s old.
        net.node("V").offset = Duration.ofMinutes(-10);
        net.inject("V", "R", new Forge(net).build());
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCH_EXPIRED");

        TestNet edge = net();
        edge.inject("V", "R", new Forge(edge).at(edge.now.minusSeconds(299)).build());
        assertThat(edge.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
        Forge late = new Forge(edge);
        late.target = "R2";
        late.sealFor = "R2";
        edge.inject("V", "R2", late.at(edge.now.minusSeconds(301)).build());
        assertThat(lastRejection(edge, "R2")).isEqualTo("VOUCH_EXPIRED");

        TestNet future = net();
        future.inject("V", "R", new Forge(future).at(future.now.plusSeconds(31)).build());
        assertThat(lastRejection(future, "R")).isEqualTo("VOUCH_FROM_FUTURE");
        Forge within = new Forge(future);
        within.target = "R2";
        within.sealFor = "R2";
        future.inject("V", "R2", within.at(future.now.plusSeconds(29)).build());
        assertThat(future.accepted("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void theSameVouchIsConsumedOnce() {
        TestNet net = net();
        ProxyPairingRequest req = new Forge(net).build();
        net.inject("V", "R", req);
        net.action("R", VouchAudit.ACTION_UNPAIR, "device", "E");
        // Replayed after the user removed the vouchee: the removal must stick.
        net.inject("V", "R", req);
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCH_REPLAYED");
        assertThat(net.role("R").pairing(DeviceId.of("E"))).isEmpty();
    }

    @Test
    void withoutTheReplayCacheTheRemovedVoucheeComesBack() {
        TestNet net = net(VouchConfig.defaults(), VouchMutant.NO_REPLAY_CACHE);
        ProxyPairingRequest req = new Forge(net).build();
        net.inject("V", "R", req);
        net.action("R", VouchAudit.ACTION_UNPAIR, "device", "E");
        net.inject("V", "R", req);
        assertThat(net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(2);
    }

    @Test
    void aResentVouchOfADecidedSessionGetsTheSameAnswer() {
        TestNet net = net();
        net.inject("V", "R", new Forge(net).build());
        net.run(Duration.ofSeconds(2));
        net.inject("V", "R", new Forge(net).build());
        assertThat(net.audits("R", VouchAudit.VOUCH_RETRY_ANSWERED)).hasSize(1);
        assertThat(responses(net, "R")).hasSize(2).allSatisfy(r -> assertThat(r.accepted()).isTrue());
        assertThat(net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void alreadyPairedVoucheeAndSelfVouchAreRefused() {
        TestNet net = net();
        net.pair("R", "E");
        net.inject("V", "R", new Forge(net).build());
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCHEE_ALREADY_PAIRED");
        Forge self = new Forge(net);
        self.vouchee = "R2";
        self.target = "R2";
        self.sealFor = "R2";
        net.inject("V", "R2", self.build());
        assertThat(lastRejection(net, "R2")).isEqualTo("VOUCHEE_IS_RECEIVER");
    }

    @Test
    void spacedriveVouchReplayedToAnotherTargetDoesNotOpen() {
        TestNet net = net();
        // Meant for R (keys sealed for R, payload without target), replayed to R2 who also trusts V.
        ProxyPairingRequest forR = new Forge(net).build();
        net.inject("V", "R2", forR);
        assertThat(lastRejection(net, "R2")).isEqualTo("PROXIED_KEYS_UNREADABLE");
    }

    @Test
    void hardenedVouchReplayedToAnotherTargetFailsItsSignature() {
        TestNet net = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build());
        ProxyPairingRequest forR = new Forge(net).hardened().build();
        net.inject("V", "R2", forR);
        assertThat(lastRejection(net, "R2")).isEqualTo("VOUCH_SIGNATURE_INVALID");
        net.inject("V", "R", forR);
        assertThat(net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void hardenedWithoutTheTargetInTheSignatureAcceptsTheSwappedVouch() {
        TestNet net = net(VouchConfig.builder().profile(VouchProfile.HARDENED).build(), VouchMutant.UNSIGNED_TARGET);
        Forge f = new Forge(net);
        f.sealFor = null;
        net.inject("V", "R2", f.build());
        assertThat(net.accepted("R2", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }

    @Test
    void equalSendAndReceiveKeysAreRefused() {
        TestNet net = net();
        Forge f = new Forge(net);
        f.keys = new SessionKeys(new byte[32], new byte[32]);
        net.inject("V", "R", f.build());
        assertThat(lastRejection(net, "R")).isEqualTo("PROXIED_KEYS_NOT_DISTINCT");
    }

    @Test
    void aDeviceWithoutProxyPairingIgnoresTheRequestButItsTransportAcknowledges() {
        TestNet net = net(VouchConfig.builder().proxyPairingSupported(false).build());
        net.inject("V", "R", new Forge(net).build());
        assertThat(net.outcomes("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEmpty();
        assertThat(net.audits("R", VouchAudit.MESSAGE_IGNORED).get(0).reason()).isEqualTo("PROXY_PAIRING_UNSUPPORTED");
        assertThat(net.sent(VouchCodec.TRANSPORT_ACK)).hasSize(1);
        assertThat(responses(net, "R")).isEmpty();
    }

    @Test
    void manualConfirmationPromptsAndTheUserDecides() {
        VouchConfig manual = VouchConfig.builder().autoAcceptVouched(false).build();
        TestNet net = net(manual);
        net.inject("V", "R", new Forge(net).build());
        assertThat(net.audits("R", VouchAudit.CONFIRMATION_REQUIRED)).hasSize(1);
        assertThat(net.outcomes("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEmpty();
        net.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        assertThat(net.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);

        TestNet no = net(manual);
        no.inject("V", "R", new Forge(no).build());
        no.action("R", VouchAudit.ACTION_PROXY_REJECT, "vouchee", "E");
        assertThat(lastRejection(no, "R")).isEqualTo("USER_REJECTED");
        assertThat(responses(no, "R")).singleElement().satisfies(r -> {
            assertThat(r.accepted()).isFalse();
            assertThat(r.reason()).isEqualTo("USER_REJECTED");
        });
        no.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        assertThat(lastRejection(no, "R")).isEqualTo("NO_PENDING_PROMPT");

        TestNet slow = net(manual);
        slow.inject("V", "R", new Forge(slow).build());
        slow.run(Duration.ofSeconds(31));
        assertThat(lastRejection(slow, "R")).isEqualTo("PROMPT_EXPIRED");
        assertThat(slow.role("R").pairing(DeviceId.of("E"))).isEmpty();
    }

    @Test
    void anUnpairWhileThePromptIsOpenWinsOverALaterYes() {
        TestNet net = net(VouchConfig.builder().autoAcceptVouched(false).build());
        net.inject("V", "R", new Forge(net).build());
        net.action("R", VouchAudit.ACTION_UNPAIR, "device", "V");
        net.action("R", VouchAudit.ACTION_PROXY_ACCEPT, "vouchee", "E");
        assertThat(lastRejection(net, "R")).isEqualTo("VOUCHER_NOT_PAIRED");
    }

    @Test
    void mutantsSwitchTheirCheckOff() {
        TestNet sig = net(VouchConfig.defaults(), VouchMutant.SKIP_SIGNATURE_CHECK);
        Forge f = new Forge(sig);
        f.signer = sig.node("M").keys;
        sig.inject("M", "R", f.build());
        assertThat(sig.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);

        TestNet time = net(VouchConfig.defaults(), VouchMutant.NO_TIMESTAMP_CHECK);
        time.inject("V", "R", new Forge(time).at(time.now.minus(Duration.ofHours(3))).build());
        assertThat(time.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);

        TestNet hop = net(VouchConfig.defaults(), VouchMutant.PROXIED_MAY_VOUCH);
        hop.pair("M", "E");
        hop.pairProxied("M", "R", "V");
        Forge h = new Forge(hop);
        h.voucher = "M";
        hop.inject("M", "R", h.build());
        assertThat(hop.rejections("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEmpty();
        assertThat(hop.accepted("R", VouchAudit.OUTCOME_PROXY_PAIRING)).isEqualTo(1);
    }
}
