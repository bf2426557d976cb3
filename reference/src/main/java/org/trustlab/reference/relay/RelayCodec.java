package org.trustlab.reference.relay;

import java.util.List;
import org.trustlab.reference.core.WireCodec;
import org.trustlab.reference.crypto.Canonical;
import org.trustlab.reference.crypto.DecodeResult;

/** Canonical encoding of relay messages; decoding never throws. */
public final class RelayCodec implements WireCodec<RelayMessage> {
    private static final List<String> TAGS = List.of(RelayMessage.TAG_REGISTER, RelayMessage.TAG_REGISTERED,
            RelayMessage.TAG_REFUSED, RelayMessage.TAG_DISPLACED, RelayMessage.TAG_CONNECT, RelayMessage.TAG_SLOT_KEY,
            RelayMessage.TAG_RENDEZVOUS);

    @Override
    public byte[] encode(RelayMessage message) {
        if (message instanceof RelayMessage.Register r) {
            return Canonical.writer(RelayMessage.TAG_REGISTER).string(r.ownerId()).string(r.machineId())
                    .string(r.registrationSecret()).bytes(r.authorization()).bytes(r.agentStatic()).toBytes();
        }
        if (message instanceof RelayMessage.SlotKey k) {
            return Canonical.writer(RelayMessage.TAG_SLOT_KEY).string(k.ownerId()).string(k.machineId())
                    .bytes(k.announcedStatic()).toBytes();
        }
        if (message instanceof RelayMessage.Rendezvous r) {
            return Canonical.writer(RelayMessage.TAG_RENDEZVOUS).string(r.ownerId()).string(r.machineId())
                    .string(r.peer()).bytes(r.handshake()).toBytes();
        }
        if (message instanceof RelayMessage.Refused r) {
            return Canonical.writer(RelayMessage.TAG_REFUSED).string(r.ownerId()).string(r.machineId())
                    .string(r.reason()).toBytes();
        }
        String tag = message instanceof RelayMessage.Registered ? RelayMessage.TAG_REGISTERED
                : message instanceof RelayMessage.Connect ? RelayMessage.TAG_CONNECT : RelayMessage.TAG_DISPLACED;
        return Canonical.writer(tag).string(message.ownerId()).string(message.machineId()).toBytes();
    }

    @Override
    public Decoded<RelayMessage> decode(byte[] bytes) {
        DecodeResult<RelayMessage> r = Canonical.decode(bytes, TAGS, record -> switch (record.tag()) {
            case RelayMessage.TAG_REGISTER -> {
                Canonical.Reader in = record.reader(5);
                yield new RelayMessage.Register(in.string(), in.string(), in.string(), in.bytes(), in.bytes());
            }
            case RelayMessage.TAG_SLOT_KEY -> {
                Canonical.Reader in = record.reader(3);
                yield new RelayMessage.SlotKey(in.string(), in.string(), in.bytes());
            }
            case RelayMessage.TAG_RENDEZVOUS -> {
                Canonical.Reader in = record.reader(4);
                yield new RelayMessage.Rendezvous(in.string(), in.string(), in.string(), in.bytes());
            }
            case RelayMessage.TAG_CONNECT -> {
                Canonical.Reader in = record.reader(2);
                yield new RelayMessage.Connect(in.string(), in.string());
            }
            case RelayMessage.TAG_REFUSED -> {
                Canonical.Reader in = record.reader(3);
                yield new RelayMessage.Refused(in.string(), in.string(), in.string());
            }
            case RelayMessage.TAG_REGISTERED -> {
                Canonical.Reader in = record.reader(2);
                yield new RelayMessage.Registered(in.string(), in.string());
            }
            default -> {
                Canonical.Reader in = record.reader(2);
                yield new RelayMessage.Displaced(in.string(), in.string());
            }
        });
        if (r instanceof DecodeResult.Ok<RelayMessage> ok) {
            return new Decoded.Ok<>(ok.value());
        }
        DecodeResult.Failure<RelayMessage> f = (DecodeResult.Failure<RelayMessage>) r;
        return new Decoded.Malformed<>(f.reason().code(), f.detail());
    }
}
