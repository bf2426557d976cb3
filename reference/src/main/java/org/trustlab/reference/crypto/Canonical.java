package org.trustlab.reference.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one canonical, domain-separated encoding for everything trustlab signs, MACs or sends:
 *
 * <pre>
 *   record := u16 tag-length, tag (UTF-8), u16 field-count, field*
 *   field  := u32 length, bytes
 * </pre>
 *
 * All integers are big-endian. The tag names the purpose ({@code trustlab/autojoin/challenge/v1}), so a signature
 * made for one purpose never verifies for another, and length prefixes make the encoding injective (no two field
 * lists encode to the same bytes). Decoding untrusted bytes never throws: it returns a {@link DecodeResult}.
 */
public final class Canonical {
    /** No field of any trustlab message is larger; a bigger declared length is an attack or corruption. */
    public static final int MAX_FIELD_LENGTH = 1 << 20;
    public static final int MAX_TAG_LENGTH = 256;
    public static final int MAX_FIELDS = 1024;

    private Canonical() {}

    public static Writer writer(String tag) {
        return new Writer(tag);
    }

    public static byte[] encode(String tag, List<byte[]> fields) {
        Writer w = writer(tag);
        fields.forEach(w::bytes);
        return w.toBytes();
    }

    /** Decodes one record whose tag must be in {@code knownTags} (or any tag, if it is empty). */
    public static DecodeResult<Record> decode(byte[] bytes, Collection<String> knownTags) {
        try {
            return new DecodeResult.Ok<>(parse(bytes, Set.copyOf(knownTags)));
        } catch (DecodeException e) {
            return new DecodeResult.Failure<>(e.reason, e.getMessage());
        }
    }

    public static DecodeResult<Record> decode(byte[] bytes) {
        return decode(bytes, Set.of());
    }

    /**
     * Decodes and maps in one step; a {@link DecodeException} thrown by the mapper (say, by {@link Reader#u64()} on
     * a field of the wrong width) becomes a failure too, and so does an {@link IllegalArgumentException} (a message
     * record whose constructor refuses a decoded value): untrusted bytes must yield a reason, never an escape.
     */
    public static <T> DecodeResult<T> decode(byte[] bytes, Collection<String> knownTags, Function<Record, T> mapper) {
        try {
            return new DecodeResult.Ok<>(mapper.apply(parse(bytes, Set.copyOf(knownTags))));
        } catch (DecodeException e) {
            return new DecodeResult.Failure<>(e.reason, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new DecodeResult.Failure<>(DecodeReason.BAD_FIELD, "refused by the mapper: " + e.getMessage());
        }
    }

    /** The record with field {@code index} replaced: what a network attacker substituting one field produces. */
    public static DecodeResult<byte[]> withField(byte[] bytes, int index, byte[] value) {
        DecodeResult<Record> decoded = decode(bytes);
        if (decoded instanceof DecodeResult.Failure<Record> f) {
            return new DecodeResult.Failure<>(f.reason(), f.detail());
        }
        Record r = ((DecodeResult.Ok<Record>) decoded).value();
        if (index < 0 || index >= r.fields().size()) {
            return new DecodeResult.Failure<>(DecodeReason.WRONG_FIELD_COUNT,
                    "no field " + index + " in a record of " + r.fields().size());
        }
        if (value.length > MAX_FIELD_LENGTH) {
            return new DecodeResult.Failure<>(DecodeReason.OVERSIZED_LENGTH,
                    "replacement field of " + value.length + " bytes exceeds the limit");
        }
        List<byte[]> fields = new ArrayList<>(r.fields());
        fields.set(index, value.clone());
        return new DecodeResult.Ok<>(encode(r.tag(), fields));
    }

    private static Record parse(byte[] bytes, Set<String> knownTags) {
        if (bytes == null || bytes.length == 0) {
            throw new DecodeException(DecodeReason.EMPTY, "empty input");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int tagLength = u16(in, "tag length");
        if (tagLength > MAX_TAG_LENGTH) {
            throw new DecodeException(DecodeReason.OVERSIZED_LENGTH, "tag length " + tagLength);
        }
        String tag = utf8(take(in, tagLength, "tag"), "tag");
        if (!knownTags.isEmpty() && !knownTags.contains(tag)) {
            throw new DecodeException(DecodeReason.UNKNOWN_TAG, "unknown tag '" + tag + "'");
        }
        int count = u16(in, "field count");
        if (count > MAX_FIELDS) {
            throw new DecodeException(DecodeReason.OVERSIZED_LENGTH, "field count " + count);
        }
        List<byte[]> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 4) {
                throw new DecodeException(DecodeReason.TRUNCATED, "field " + i + " length cut off");
            }
            long length = Integer.toUnsignedLong(in.getInt());
            if (length > MAX_FIELD_LENGTH) {
                throw new DecodeException(DecodeReason.OVERSIZED_LENGTH, "field " + i + " declares " + length
                        + " bytes, limit " + MAX_FIELD_LENGTH);
            }
            fields.add(take(in, (int) length, "field " + i));
        }
        if (in.hasRemaining()) {
            throw new DecodeException(DecodeReason.TRAILING_BYTES, in.remaining() + " bytes after the last field");
        }
        return new Record(tag, fields);
    }

    private static int u16(ByteBuffer in, String what) {
        if (in.remaining() < 2) {
            throw new DecodeException(DecodeReason.TRUNCATED, what + " cut off");
        }
        return Short.toUnsignedInt(in.getShort());
    }

    private static byte[] take(ByteBuffer in, int length, String what) {
        if (in.remaining() < length) {
            throw new DecodeException(DecodeReason.TRUNCATED, what + " needs " + length + " bytes, "
                    + in.remaining() + " left");
        }
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DecodeException(DecodeReason.BAD_FIELD, what + " is not UTF-8");
        }
    }

    /** A decoded record: its tag and raw fields. */
    public record Record(String tag, List<byte[]> fields) {
        public Record {
            fields = List.copyOf(fields);
        }

        /** Reads fields in order; call {@link Reader#end()} to insist that none is left over. */
        public Reader reader() {
            return new Reader(this);
        }

        /** A reader that first insists on exactly {@code count} fields. */
        public Reader reader(int count) {
            if (fields.size() != count) {
                throw new DecodeException(DecodeReason.WRONG_FIELD_COUNT, "'" + tag + "' has " + fields.size()
                        + " fields, expected " + count);
            }
            return new Reader(this);
        }
    }

    /** Typed, sequential access to a record's fields; each accessor throws {@link DecodeException} on a misfit. */
    public static final class Reader {
        private final Record record;
        private int next;

        private Reader(Record record) {
            this.record = record;
        }

        public byte[] bytes() {
            if (next >= record.fields().size()) {
                throw new DecodeException(DecodeReason.WRONG_FIELD_COUNT, "'" + record.tag() + "' has only "
                        + record.fields().size() + " fields");
            }
            return record.fields().get(next++).clone();
        }

        /** A field that must be exactly {@code length} bytes (a key, a nonce). */
        public byte[] bytes(int length) {
            byte[] b = bytes();
            if (b.length != length) {
                throw new DecodeException(DecodeReason.BAD_FIELD, "field " + (next - 1) + " of '" + record.tag()
                        + "' is " + b.length + " bytes, expected " + length);
            }
            return b;
        }

        public String string() {
            int index = next;
            return utf8(bytes(), "field " + index + " of '" + record.tag() + "'");
        }

        public long u64() {
            return ByteBuffer.wrap(bytes(8)).getLong();
        }

        public boolean bool() {
            byte[] b = bytes(1);
            if (b[0] != 0 && b[0] != 1) {
                throw new DecodeException(DecodeReason.BAD_FIELD, "boolean field is " + b[0]);
            }
            return b[0] == 1;
        }

        /** A nested record with one of the given tags. */
        public Record record(Collection<String> knownTags) {
            return parse(bytes(), Set.copyOf(knownTags));
        }

        /** A list encoded as a nested record of tag {@code trustlab/list/v1}. */
        public List<byte[]> list() {
            return parse(bytes(), Set.of(LIST_TAG)).fields();
        }

        public void end() {
            if (next != record.fields().size()) {
                throw new DecodeException(DecodeReason.WRONG_FIELD_COUNT, "'" + record.tag() + "' has "
                        + (record.fields().size() - next) + " unexpected trailing fields");
            }
        }
    }

    static final String LIST_TAG = "trustlab/list/v1";

    /** Builds one record. */
    public static final class Writer {
        private final String tag;
        private final List<byte[]> fields = new ArrayList<>();

        private Writer(String tag) {
            byte[] t = tag.getBytes(StandardCharsets.UTF_8);
            if (t.length == 0 || t.length > MAX_TAG_LENGTH) {
                throw new IllegalArgumentException("tag length out of range: " + tag);
            }
            this.tag = tag;
        }

        public Writer bytes(byte[] value) {
            if (value.length > MAX_FIELD_LENGTH) {
                throw new IllegalArgumentException("field of " + value.length + " bytes exceeds the limit");
            }
            fields.add(value.clone());
            return this;
        }

        public Writer string(String value) {
            return bytes(value.getBytes(StandardCharsets.UTF_8));
        }

        public Writer u64(long value) {
            return bytes(ByteBuffer.allocate(8).putLong(value).array());
        }

        public Writer bool(boolean value) {
            return bytes(new byte[] {(byte) (value ? 1 : 0)});
        }

        public Writer list(List<byte[]> items) {
            return bytes(encode(LIST_TAG, items));
        }

        public byte[] toBytes() {
            if (fields.size() > MAX_FIELDS) {
                throw new IllegalStateException("too many fields: " + fields.size());
            }
            byte[] t = tag.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(t.length >>> 8);
            out.write(t.length);
            out.writeBytes(t);
            out.write(fields.size() >>> 8);
            out.write(fields.size());
            for (byte[] f : fields) {
                out.writeBytes(ByteBuffer.allocate(4).putInt(f.length).array());
                out.writeBytes(f);
            }
            return out.toByteArray();
        }
    }

    /** Thrown inside decoding only; {@link Canonical#decode} turns it into a {@link DecodeResult.Failure}. */
    public static final class DecodeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final DecodeReason reason;

        public DecodeException(DecodeReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        public DecodeReason reason() {
            return reason;
        }
    }
}
