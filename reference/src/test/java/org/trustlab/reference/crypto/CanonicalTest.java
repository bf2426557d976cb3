package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalTest {
    private static final String TAG = "trustlab/test/challenge/v1";

    /** What a mapper turns the test record into. */
    private record Challenge(String requester, long issuedAt, boolean fresh, byte[] nonce, List<byte[]> scopes) {}

    private static byte[] challenge() {
        return Canonical.writer(TAG)
                .string("device-Ä-1")
                .u64(1_700_000_000_123L)
                .bool(true)
                .bytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .list(List.of("join".getBytes(StandardCharsets.UTF_8), new byte[0]))
                .toBytes();
    }

    private static Challenge read(Canonical.Record r) {
        Canonical.Reader in = r.reader(5);
        Challenge c = new Challenge(in.string(), in.u64(), in.bool(), in.bytes(8), in.list());
        in.end();
        return c;
    }

    private static DecodeReason reason(DecodeResult<?> result) {
        assertThat(result).isInstanceOf(DecodeResult.Failure.class);
        DecodeResult.Failure<?> f = (DecodeResult.Failure<?>) result;
        assertThat(f.detail()).isNotBlank();
        return f.reason();
    }

    private static <T> T ok(DecodeResult<T> result) {
        assertThat(result).isInstanceOf(DecodeResult.Ok.class);
        return ((DecodeResult.Ok<T>) result).value();
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void typedFieldsRoundTrip() {
        Challenge c = ok(Canonical.decode(challenge(), Set.of(TAG), CanonicalTest::read));
        assertThat(c.requester()).isEqualTo("device-Ä-1");
        assertThat(c.issuedAt()).isEqualTo(1_700_000_000_123L);
        assertThat(c.fresh()).isTrue();
        assertThat(c.nonce()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(c.scopes()).hasSize(2);
        assertThat(new String(c.scopes().get(0), StandardCharsets.UTF_8)).isEqualTo("join");
        assertThat(c.scopes().get(1)).isEmpty();
    }

    @Test
    void extremeValuesRoundTrip() {
        byte[] bytes = Canonical.writer("t").u64(Long.MIN_VALUE).u64(-1L).bool(false).string("").toBytes();
        Canonical.Reader in = ok(Canonical.decode(bytes)).reader(4);
        assertThat(in.u64()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.u64()).isEqualTo(-1L);
        assertThat(in.bool()).isFalse();
        assertThat(in.string()).isEmpty();
        in.end();
    }

    @Test
    void aFieldOfExactlyTheLimitRoundTrips() {
        byte[] big = new byte[Canonical.MAX_FIELD_LENGTH];
        big[big.length - 1] = 9;
        Canonical.Record r = ok(Canonical.decode(Canonical.encode("t", List.of(big))));
        assertThat(r.fields().get(0)).isEqualTo(big);
    }

    @Test
    void encodeAndWriterAgreeAndRecordsReEncodeToTheSameBytes() {
        byte[] bytes = challenge();
        Canonical.Record r = ok(Canonical.decode(bytes));
        assertThat(Canonical.encode(r.tag(), r.fields())).isEqualTo(bytes);
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        // u16 tag length, tag, u16 field count, then u32 length + bytes per field, big-endian.
        byte[] bytes = Canonical.writer("ab").string("x").bytes(new byte[0]).toBytes();
        assertThat(Bytes.hex(bytes)).isEqualTo("0002" + "6162" + "0002" + "00000001" + "78" + "00000000");
    }

    @Test
    void lengthPrefixesMakeTheEncodingInjective() {
        byte[] a = Canonical.encode("t", List.of("ab".getBytes(StandardCharsets.UTF_8), "c".getBytes(StandardCharsets.UTF_8)));
        byte[] b = Canonical.encode("t", List.of("a".getBytes(StandardCharsets.UTF_8), "bc".getBytes(StandardCharsets.UTF_8)));
        byte[] c = Canonical.encode("t", List.of("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(a).isNotEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(b).isNotEqualTo(c);
    }

    @Test
    void theTagSeparatesDomains() {
        List<byte[]> fields = List.of(new byte[] {1});
        assertThat(Canonical.encode("trustlab/a/v1", fields)).isNotEqualTo(Canonical.encode("trustlab/b/v1", fields));
    }

    @Test
    void nestedRecordsRoundTripAndCheckTheirTag() {
        byte[] inner = Canonical.writer("inner/v1").string("x").toBytes();
        byte[] outer = Canonical.writer("outer/v1").bytes(inner).toBytes();
        Canonical.Record r = ok(Canonical.decode(outer, Set.of("outer/v1"),
                rec -> rec.reader(1).record(Set.of("inner/v1"))));
        assertThat(r.tag()).isEqualTo("inner/v1");
        assertThat(reason(Canonical.decode(outer, Set.of("outer/v1"), rec -> rec.reader(1).record(Set.of("other/v1")))))
                .isEqualTo(DecodeReason.UNKNOWN_TAG);
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void emptyInputIsEmpty() {
        assertThat(reason(Canonical.decode(new byte[0]))).isEqualTo(DecodeReason.EMPTY);
        assertThat(reason(Canonical.decode(null))).isEqualTo(DecodeReason.EMPTY);
    }

    @Test
    void everyTruncationPointIsTruncated() {
        byte[] bytes = challenge();
        // Every proper prefix: inside the tag length, the tag, the field count, a field length, a field body.
        for (int cut = 1; cut < bytes.length; cut++) {
            assertThat(reason(Canonical.decode(Arrays.copyOf(bytes, cut)))).as("cut at %d", cut)
                    .isEqualTo(DecodeReason.TRUNCATED);
        }
    }

    @Test
    void namedTruncationPointsAreTruncated() {
        byte[] bytes = Canonical.writer("ab").string("xyz").toBytes(); // 0002 6162 0001 00000003 78797a
        assertThat(reason(Canonical.decode(Arrays.copyOf(bytes, 1)))).as("in tag length").isEqualTo(DecodeReason.TRUNCATED);
        assertThat(reason(Canonical.decode(Arrays.copyOf(bytes, 3)))).as("in tag").isEqualTo(DecodeReason.TRUNCATED);
        assertThat(reason(Canonical.decode(Arrays.copyOf(bytes, 5)))).as("in field count").isEqualTo(DecodeReason.TRUNCATED);
        assertThat(reason(Canonical.decode(Arrays.copyOf(bytes, 8)))).as("in field length").isEqualTo(DecodeReason.TRUNCATED);
        assertThat(reason(Canonical.decode(Arrays.copyOf(bytes, 11)))).as("in field body").isEqualTo(DecodeReason.TRUNCATED);
        assertThat(ok(Canonical.decode(bytes)).fields()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 17})
    void trailingGarbageIsRejected(int extra) {
        byte[] bytes = challenge();
        byte[] longer = Arrays.copyOf(bytes, bytes.length + extra);
        assertThat(reason(Canonical.decode(longer))).isEqualTo(DecodeReason.TRAILING_BYTES);
    }

    @Test
    void aFieldLengthOfTwoToTheThirtyFirstIsOversized() {
        byte[] bytes = header("t", 1, ByteBuffer.allocate(4).putInt(0x8000_0000).array());
        assertThat(reason(Canonical.decode(bytes))).isEqualTo(DecodeReason.OVERSIZED_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(ints = {0xFFFF_FFFF, 0x7FFF_FFFF, Canonical.MAX_FIELD_LENGTH + 1})
    void otherHugeFieldLengthsAreOversized(int declared) {
        byte[] bytes = header("t", 1, ByteBuffer.allocate(4).putInt(declared).array());
        assertThat(reason(Canonical.decode(bytes))).isEqualTo(DecodeReason.OVERSIZED_LENGTH);
    }

    @Test
    void aFieldLengthAtTheLimitButAbsentIsTruncatedNotOversized() {
        byte[] bytes = header("t", 1, ByteBuffer.allocate(4).putInt(Canonical.MAX_FIELD_LENGTH).array());
        assertThat(reason(Canonical.decode(bytes))).isEqualTo(DecodeReason.TRUNCATED);
    }

    @Test
    void anOversizedTagLengthOrFieldCountIsOversized() {
        byte[] longTag = ByteBuffer.allocate(2 + 300).putShort((short) 300).array();
        assertThat(reason(Canonical.decode(longTag))).isEqualTo(DecodeReason.OVERSIZED_LENGTH);
        byte[] manyFields = header("t", 0xFFFF, new byte[0]);
        assertThat(reason(Canonical.decode(manyFields))).isEqualTo(DecodeReason.OVERSIZED_LENGTH);
    }

    @Test
    void anUnknownTagIsRejectedAndAKnownOneAccepted() {
        byte[] bytes = challenge();
        assertThat(reason(Canonical.decode(bytes, Set.of("trustlab/test/other/v1")))).isEqualTo(DecodeReason.UNKNOWN_TAG);
        assertThat(ok(Canonical.decode(bytes, Set.of("trustlab/test/other/v1", TAG))).tag()).isEqualTo(TAG);
        // The mapper form checks the tag before mapping.
        assertThat(reason(Canonical.decode(bytes, Set.of("x"), CanonicalTest::read))).isEqualTo(DecodeReason.UNKNOWN_TAG);
    }

    @Test
    void aWrongFieldCountIsRejected() {
        byte[] two = Canonical.writer(TAG).string("a").u64(1).toBytes();
        assertThat(reason(Canonical.decode(two, Set.of(TAG), CanonicalTest::read))).isEqualTo(DecodeReason.WRONG_FIELD_COUNT);
        byte[] six = Canonical.writer(TAG).string("a").u64(1).bool(true).bytes(new byte[8]).list(List.of())
                .string("extra").toBytes();
        assertThat(reason(Canonical.decode(six, Set.of(TAG), CanonicalTest::read))).isEqualTo(DecodeReason.WRONG_FIELD_COUNT);
        // Reading past the end, and leaving fields unread, with the unchecked reader.
        assertThat(reason(Canonical.decode(two, Set.of(), r -> {
            Canonical.Reader in = r.reader();
            in.string();
            in.u64();
            return in.bytes();
        }))).isEqualTo(DecodeReason.WRONG_FIELD_COUNT);
        assertThat(reason(Canonical.decode(two, Set.of(), r -> {
            Canonical.Reader in = r.reader();
            in.string();
            in.end();
            return "unreachable";
        }))).isEqualTo(DecodeReason.WRONG_FIELD_COUNT);
    }

    @Test
    void badUtf8IsABadField() {
        // Tag of two bytes, 0xC3 0x28: a lead byte without its continuation.
        byte[] badTag = {0, 2, (byte) 0xC3, (byte) 0x28, 0, 0};
        assertThat(reason(Canonical.decode(badTag))).isEqualTo(DecodeReason.BAD_FIELD);
        byte[] badString = Canonical.writer("t").bytes(new byte[] {(byte) 0xFF, 'a'}).toBytes();
        DecodeResult<String> result = Canonical.decode(badString, Set.of(), r -> r.reader(1).string());
        assertThat(reason(result)).isEqualTo(DecodeReason.BAD_FIELD);
        assertThat(((DecodeResult.Failure<String>) result).detail()).contains("field 0");
        // An unpaired surrogate encoded as CESU-style bytes is not UTF-8 either.
        byte[] surrogate = Canonical.writer("t").bytes(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}).toBytes();
        assertThat(reason(Canonical.decode(surrogate, Set.of(), r -> r.reader(1).string()))).isEqualTo(DecodeReason.BAD_FIELD);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 9})
    void aU64OfTheWrongWidthIsABadField(int width) {
        byte[] bytes = Canonical.writer("t").bytes(new byte[width]).toBytes();
        assertThat(reason(Canonical.decode(bytes, Set.of(), r -> r.reader(1).u64()))).isEqualTo(DecodeReason.BAD_FIELD);
    }

    @Test
    void aBooleanOtherThanZeroOrOneIsABadField() {
        byte[] two = Canonical.writer("t").bytes(new byte[] {2}).toBytes();
        assertThat(reason(Canonical.decode(two, Set.of(), r -> r.reader(1).bool()))).isEqualTo(DecodeReason.BAD_FIELD);
    }

    @Test
    void aFixedWidthFieldOfTheWrongLengthIsABadField() {
        byte[] bytes = Canonical.writer("t").bytes(new byte[31]).toBytes();
        assertThat(reason(Canonical.decode(bytes, Set.of(), r -> r.reader(1).bytes(32)))).isEqualTo(DecodeReason.BAD_FIELD);
    }

    @Test
    void aMapperThatRefusesAValueGivesABadFieldNotAnException() {
        byte[] bytes = Canonical.writer("t").string("negative").toBytes();
        DecodeResult<Object> result = Canonical.decode(bytes, Set.of(), r -> {
            throw new IllegalArgumentException("not a device id");
        });
        assertThat(reason(result)).isEqualTo(DecodeReason.BAD_FIELD);
    }

    @Test
    void aMalformedNestedListIsRejected() {
        byte[] bytes = Canonical.writer("t").bytes(new byte[] {0, 1}).toBytes();
        assertThat(reason(Canonical.decode(bytes, Set.of(), r -> r.reader(1).list()))).isEqualTo(DecodeReason.TRUNCATED);
    }

    @Test
    void arbitraryBytesNeverEscapeAsAnException() {
        DeterministicRandom random = new DeterministicRandom(2024, "canonical-fuzz");
        byte[] valid = challenge();
        for (int i = 0; i < 3000; i++) {
            byte[] input;
            if (i % 2 == 0) {
                input = random.bytes(random.nextInt(64));
            } else {
                input = valid.clone();
                for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                    input[random.nextInt(input.length)] = (byte) random.nextInt(256);
                }
            }
            DecodeResult<Challenge> result = Canonical.decode(input, Set.of(TAG), CanonicalTest::read);
            assertThat(result).isNotNull();
            Canonical.decode(input); // must not throw either
        }
    }

    // ---------------------------------------------------------------- withField

    @Test
    void withFieldReplacesExactlyOneField() {
        byte[] original = challenge();
        byte[] changed = ok(Canonical.withField(original, 0, "mallory".getBytes(StandardCharsets.UTF_8)));
        Canonical.Record before = ok(Canonical.decode(original));
        Canonical.Record after = ok(Canonical.decode(changed));
        assertThat(after.tag()).isEqualTo(before.tag());
        assertThat(new String(after.fields().get(0), StandardCharsets.UTF_8)).isEqualTo("mallory");
        for (int i = 1; i < before.fields().size(); i++) {
            assertThat(after.fields().get(i)).isEqualTo(before.fields().get(i));
        }
        // Replacing a field with its own value gives the original bytes back.
        assertThat(ok(Canonical.withField(original, 1, before.fields().get(1)))).isEqualTo(original);
    }

    @Test
    void withFieldRejectsAMissingIndexMalformedInputAndAnOversizedValue() {
        byte[] original = challenge();
        assertThat(reason(Canonical.withField(original, 5, new byte[1]))).isEqualTo(DecodeReason.WRONG_FIELD_COUNT);
        assertThat(reason(Canonical.withField(original, -1, new byte[1]))).isEqualTo(DecodeReason.WRONG_FIELD_COUNT);
        assertThat(reason(Canonical.withField(Arrays.copyOf(original, 10), 0, new byte[1])))
                .isEqualTo(DecodeReason.TRUNCATED);
        assertThat(reason(Canonical.withField(new byte[0], 0, new byte[1]))).isEqualTo(DecodeReason.EMPTY);
        assertThat(reason(Canonical.withField(original, 0, new byte[Canonical.MAX_FIELD_LENGTH + 1])))
                .isEqualTo(DecodeReason.OVERSIZED_LENGTH);
    }

    // ---------------------------------------------------------------- the writer refuses what decode would

    @Test
    void theWriterRefusesWhatCouldNotBeDecoded() {
        assertThatThrownBy(() -> Canonical.writer("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.writer("x".repeat(Canonical.MAX_TAG_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Canonical.writer("t").bytes(new byte[Canonical.MAX_FIELD_LENGTH + 1]))
                .isInstanceOf(IllegalArgumentException.class);
        Canonical.Writer many = Canonical.writer("t");
        for (int i = 0; i <= Canonical.MAX_FIELDS; i++) {
            many.bytes(new byte[0]);
        }
        assertThatThrownBy(many::toBytes).isInstanceOf(IllegalStateException.class);
    }

    /** Exactly at each limit is still a record: the longest tag and the most fields round-trip byte for byte. */
    @Test
    void theLongestTagAndTheMostFieldsRoundTrip() {
        String tag = "t".repeat(Canonical.MAX_TAG_LENGTH);
        Canonical.Writer many = Canonical.writer(tag);
        for (int i = 0; i < Canonical.MAX_FIELDS; i++) {
            many.bytes(new byte[] {(byte) i});
        }
        byte[] bytes = many.toBytes();
        // Both lengths need their high byte: 256 is 0x0100 and 1024 is 0x0400.
        assertThat(Arrays.copyOfRange(bytes, 0, 2)).containsExactly(1, 0);
        assertThat(Arrays.copyOfRange(bytes, 2 + Canonical.MAX_TAG_LENGTH, 4 + Canonical.MAX_TAG_LENGTH))
                .containsExactly(4, 0);
        Canonical.Record r = ok(Canonical.decode(bytes));
        assertThat(r.tag()).isEqualTo(tag);
        assertThat(r.fields()).hasSize(Canonical.MAX_FIELDS);
        assertThat(r.fields().get(Canonical.MAX_FIELDS - 1)).containsExactly((byte) (Canonical.MAX_FIELDS - 1));
        assertThat(ok(Canonical.withField(bytes, 0, new byte[Canonical.MAX_FIELD_LENGTH])))
                .hasSize(bytes.length - 1 + Canonical.MAX_FIELD_LENGTH);
    }

    /** The detail says which field is wrong and how many are left over, counted from the record's start. */
    @Test
    void aBadFieldOrTrailingFieldsAreNamedByPositionAndCount() {
        byte[] bytes = Canonical.writer("t").string("a").bytes(new byte[3]).string("b").string("c").toBytes();
        DecodeResult<byte[]> wrongWidth = Canonical.decode(bytes, Set.of(), r -> {
            Canonical.Reader in = r.reader();
            in.string();
            return in.bytes(4);
        });
        assertThat(((DecodeResult.Failure<?>) wrongWidth).detail()).isEqualTo("field 1 of 't' is 3 bytes, expected 4");
        DecodeResult<String> trailing = Canonical.decode(bytes, Set.of(), r -> {
            Canonical.Reader in = r.reader();
            in.string();
            in.end();
            return "unreachable";
        });
        assertThat(((DecodeResult.Failure<?>) trailing).detail()).isEqualTo("'t' has 3 unexpected trailing fields");
    }

    /** A codec's mapper throws the exception; whoever catches it outside decode reads the same reason. */
    @Test
    void aDecodeExceptionCarriesItsReasonAndDetail() {
        Canonical.DecodeException e = new Canonical.DecodeException(DecodeReason.BAD_FIELD, "nonce is 3 bytes");
        assertThat(e.reason()).isEqualTo(DecodeReason.BAD_FIELD);
        assertThat(e).hasMessage("nonce is 3 bytes");
    }

    @Test
    void reasonCodesAreStable() {
        assertThat(DecodeReason.OVERSIZED_LENGTH.code()).isEqualTo("OVERSIZED_LENGTH");
        assertThat(Arrays.stream(DecodeReason.values()).map(DecodeReason::code)).containsExactly("EMPTY", "TRUNCATED",
                "TRAILING_BYTES", "OVERSIZED_LENGTH", "UNKNOWN_TAG", "WRONG_FIELD_COUNT", "BAD_FIELD");
    }

    /** A record header with the given tag and field count, followed by raw bytes. */
    private static byte[] header(String tag, int fieldCount, byte[] rest) {
        byte[] t = tag.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + t.length + 2 + rest.length)
                .putShort((short) t.length).put(t).putShort((short) fieldCount).put(rest).array();
    }
}
