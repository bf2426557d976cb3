package org.trustlab.simulator.ping;

import java.util.List;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeResult;

/** Canonical encoding of ping messages; decoding never throws. */
public final class PingCodec implements WireCodec<PingMessage> {
    private static final List<String> TAGS = List.of(PingMessage.TAG_PING, PingMessage.TAG_PONG);

    @Override
    public byte[] encode(PingMessage message) {
        if (message instanceof PingMessage.Ping p) {
            return Canonical.writer(PingMessage.TAG_PING).string(p.sender()).u64(p.seq()).bytes(p.nonce())
                    .u64(p.sentAtMillis()).bytes(p.signature()).toBytes();
        }
        PingMessage.Pong p = (PingMessage.Pong) message;
        return Canonical.writer(PingMessage.TAG_PONG).string(p.sender()).u64(p.seq()).bytes(p.nonce())
                .u64(p.sentAtMillis()).toBytes();
    }

    /** The bytes a ping's signature covers: every field but the signature, under its own tag. */
    public static byte[] signedPart(String sender, long seq, byte[] nonce, long sentAtMillis) {
        return Canonical.writer(PingMessage.TAG_PING_SIGNED).string(sender).u64(seq).bytes(nonce)
                .u64(sentAtMillis).toBytes();
    }

    @Override
    public Decoded<PingMessage> decode(byte[] bytes) {
        DecodeResult<PingMessage> r = Canonical.decode(bytes, TAGS, record -> {
            if (record.tag().equals(PingMessage.TAG_PING)) {
                Canonical.Reader in = record.reader(5);
                return new PingMessage.Ping(in.string(), in.u64(), in.bytes(), in.u64(), in.bytes());
            }
            Canonical.Reader in = record.reader(4);
            return new PingMessage.Pong(in.string(), in.u64(), in.bytes(), in.u64());
        });
        if (r instanceof DecodeResult.Ok<PingMessage> ok) {
            return new Decoded.Ok<>(ok.value());
        }
        DecodeResult.Failure<PingMessage> f = (DecodeResult.Failure<PingMessage>) r;
        return new Decoded.Malformed<>(f.reason().code(), f.detail());
    }
}
