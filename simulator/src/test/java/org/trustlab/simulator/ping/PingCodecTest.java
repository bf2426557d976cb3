package org.trustlab.simulator.ping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.DeterministicRandom;

/** The ping codec round-trips and never throws on hostile bytes. */
class PingCodecTest {
    private final PingCodec codec = new PingCodec();

    @Test
    void roundTrips() {
        PingMessage.Ping ping = new PingMessage.Ping("a", 7, new byte[] {1, 2}, 99, new byte[] {3});
        WireCodec.Decoded<PingMessage> d = codec.decode(codec.encode(ping));
        assertThat(d).isInstanceOf(WireCodec.Decoded.Ok.class);
        PingMessage.Ping back = (PingMessage.Ping) ((WireCodec.Decoded.Ok<PingMessage>) d).message();
        assertThat(back.sender()).isEqualTo("a");
        assertThat(back.seq()).isEqualTo(7);
        assertThat(back.nonce()).containsExactly(1, 2);
        assertThat(back.signature()).containsExactly(3);
    }

    @Test
    void hostileBytesAreMalformedNeverAnException() {
        byte[] good = codec.encode(new PingMessage.Pong("b", 1, new byte[16], 5));
        DeterministicRandom r = new DeterministicRandom(1, "fuzz");
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = good.clone();
            bytes[r.nextInt(bytes.length)] ^= (byte) (1 + r.nextInt(255));
            byte[] cut = java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
            assertThat(codec.decode(cut)).isNotNull();
        }
        assertThat(codec.decode(new byte[0])).isInstanceOf(WireCodec.Decoded.Malformed.class);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertThat(((WireCodec.Decoded.Malformed<PingMessage>) codec.decode(truncated)).reason())
                .isEqualTo("TRUNCATED");
    }
}
