package org.trustlab.reference.vouch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.DeviceId;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeResult;
import org.trustlab.reference.crypto.DeterministicKeys;
import org.trustlab.reference.crypto.DeterministicRandom;
import org.trustlab.reference.vouch.VouchMessage.AcceptedDevice;
import org.trustlab.reference.vouch.VouchMessage.PairingChallenge;
import org.trustlab.reference.vouch.VouchMessage.PairingConfirm;
import org.trustlab.reference.vouch.VouchMessage.PairingRequest;
import org.trustlab.reference.vouch.VouchMessage.Presence;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingComplete;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRequest;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingResponse;
import org.trustlab.reference.vouch.VouchMessage.ProxyPairingRevoked;
import org.trustlab.reference.vouch.VouchMessage.RejectedDevice;
import org.trustlab.reference.vouch.VouchMessage.TransportAck;
import org.trustlab.reference.vouch.VouchMessage.Unpair;

class VouchCodecTest {
    private static final VouchCodec CODEC = new VouchCodec();
    private static final DeviceInfo INFO = new DeviceInfo(DeviceId.of("E"), "phone",
            DeterministicKeys.x25519(0, "E", 0).publicKey());
    private static final byte[] PK = DeterministicKeys.ed25519(0, "E", 0).publicKey();

    static List<VouchMessage> samples() {
        return List.of(
                new PairingRequest("p-1", INFO, PK, new byte[16]),
                new PairingChallenge("p-1", INFO, PK, new byte[16]),
                new PairingConfirm("p-1", true, "", new byte[32]),
                new ProxyPairingRequest("s-1", INFO, PK, DeviceId.of("V"), new byte[64], 1234L, new byte[60]),
                new ProxyPairingResponse("s-1", DeviceId.of("R"), false, "USER_REJECTED", new byte[0], new byte[64]),
                new ProxyPairingResponse("s-1", DeviceId.of("R"), true, "", new byte[32], new byte[64]),
                new ProxyPairingComplete("s-1", DeviceId.of("V"),
                        List.of(new AcceptedDevice(INFO, PK, new byte[60], new byte[0], new byte[0])),
                        List.of(new RejectedDevice(DeviceId.of("R2"), "laptop", "NO_RESPONSE")), new byte[64]),
                new Presence(DeviceId.of("R"), true, 1_000L, new byte[64]),
                new TransportAck(new byte[32], new byte[64]),
                new Unpair(DeviceId.of("E"), DeviceId.of("V"), 99L, new byte[64]),
                new ProxyPairingRevoked("s-1", DeviceId.of("V"), DeviceId.of("E"), "VOUCH_REVOKED", new byte[64]));
    }

    @Test
    void everyMessageRoundTripsToTheSameBytesAndTag() {
        for (VouchMessage m : samples()) {
            byte[] bytes = CODEC.encode(m);
            WireCodec.Decoded<VouchMessage> d = CODEC.decode(bytes);
            assertThat(d).as(m.getClass().getSimpleName()).isInstanceOf(WireCodec.Decoded.Ok.class);
            VouchMessage back = ((WireCodec.Decoded.Ok<VouchMessage>) d).message();
            assertThat(back.getClass()).isEqualTo(m.getClass());
            assertThat(CODEC.encode(back)).isEqualTo(bytes);
            DecodeResult<Canonical.Record> rec = Canonical.decode(bytes);
            assertThat(((DecodeResult.Ok<Canonical.Record>) rec).value().tag()).isEqualTo(VouchCodec.tagOf(m));
        }
    }

    @Test
    void shapeErrorsAreMalformedWithAReason() {
        byte[] req = CODEC.encode(samples().get(3));
        // vouchee public key (field 2) of the wrong length
        byte[] shortKey = ((DecodeResult.Ok<byte[]>) Canonical.withField(req, 2, new byte[31])).value();
        assertThat(malformed(shortKey)).isEqualTo("BAD_FIELD");
        // empty session id
        byte[] emptySession = ((DecodeResult.Ok<byte[]>) Canonical.withField(req, 0, new byte[0])).value();
        assertThat(malformed(emptySession)).isEqualTo("BAD_FIELD");
        // a device info that is not a device info record
        byte[] badInfo = ((DecodeResult.Ok<byte[]>) Canonical.withField(req, 1, new byte[] {0, 2, 3})).value();
        assertThat(malformed(badInfo)).isEqualTo("TRUNCATED");
        assertThat(malformed(Canonical.encode("trustlab/vouch/Nope/v1", List.of()))).isEqualTo("UNKNOWN_TAG");
        assertThat(malformed(Canonical.encode(VouchCodec.PRESENCE, List.of(new byte[] {'R'}))))
                .isEqualTo("WRONG_FIELD_COUNT");
        assertThat(malformed(new byte[0])).isEqualTo("EMPTY");
        byte[] share = CODEC.encode(samples().get(5));
        byte[] badShare = ((DecodeResult.Ok<byte[]>) Canonical.withField(share, 4, new byte[5])).value();
        assertThat(malformed(badShare)).isEqualTo("BAD_FIELD");
    }

    @Test
    void randomCorruptionNeverThrows() {
        DeterministicRandom r = new DeterministicRandom(1, "fuzz");
        for (VouchMessage m : samples()) {
            byte[] bytes = CODEC.encode(m);
            for (int i = 0; i < 300; i++) {
                byte[] copy = bytes.clone();
                int flips = 1 + r.nextInt(4);
                for (int j = 0; j < flips; j++) {
                    copy[r.nextInt(copy.length)] ^= (byte) (1 + r.nextInt(255));
                }
                byte[] cut = java.util.Arrays.copyOf(copy, r.nextInt(copy.length + 1));
                assertThat(CODEC.decode(copy)).isNotNull();
                assertThat(CODEC.decode(cut)).isNotNull();
            }
        }
    }

    private static String malformed(byte[] bytes) {
        WireCodec.Decoded<VouchMessage> d = CODEC.decode(bytes);
        assertThat(d).isInstanceOf(WireCodec.Decoded.Malformed.class);
        return ((WireCodec.Decoded.Malformed<VouchMessage>) d).reason();
    }
}
