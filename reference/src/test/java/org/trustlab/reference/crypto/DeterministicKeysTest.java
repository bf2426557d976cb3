package org.trustlab.reference.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeterministicKeysTest {
    /**
     * RSA in the child JVM is 1024-bit to keep the test quick (a child generates its key from scratch); the
     * generator and its use of the stream are the same at every size.
     */
    static final int CHILD_RSA_BITS = 1024;

    /** The key material (seed, owner) fixes, in the form the child JVM prints. */
    static String describe(long seed, String owner) {
        return "ed25519=" + Bytes.hex(DeterministicKeys.ed25519(seed, owner, 0).publicKey()) + "\n"
                + "ed25519.gen1=" + Bytes.hex(DeterministicKeys.ed25519(seed, owner, 1).publicKey()) + "\n"
                + "x25519=" + Bytes.hex(DeterministicKeys.x25519(seed, owner, 0).publicKey()) + "\n"
                + "rsa" + CHILD_RSA_BITS + "=" + Bytes.hex(DeterministicKeys.rsa(seed, owner, CHILD_RSA_BITS, 0)
                        .publicKey()) + "\n";
    }

    @Test
    void aSeparateJvmDerivesTheSameKeyBytes() throws IOException, InterruptedException {
        String expected = describe(424242L, "device/alice");
        String child = runChild("424242", "device/alice");
        assertThat(child).isEqualTo(expected);
        assertThat(child.lines()).hasSize(4);
    }

    @Test
    void anotherNameDerivesOtherKeysOfEveryKind() {
        List<String> alice = describe(424242L, "device/alice").lines().toList();
        List<String> bob = describe(424242L, "device/bob").lines().toList();
        assertThat(bob).hasSize(4);
        for (int i = 0; i < bob.size(); i++) {
            assertThat(bob.get(i)).isNotEqualTo(alice.get(i));
        }
    }

    private static String runChild(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire may run tests from a manifest-only jar; its own property names the real test class path.
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", classPath,
                PrintDeterministicKeys.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as("child exit code").isZero();
        return out;
    }

    @Test
    void theSameRequestReturnsTheSameCachedKey() {
        assertThat(DeterministicKeys.ed25519(1, "a", 0)).isSameAs(DeterministicKeys.ed25519(1, "a", 0));
        assertThat(DeterministicKeys.x25519(1, "a", 0)).isSameAs(DeterministicKeys.x25519(1, "a", 0));
    }

    @Test
    void seedOwnerGenerationAndAlgorithmEachChangeTheKey() {
        byte[] base = DeterministicKeys.ed25519(1, "a", 0).publicKey();
        assertThat(DeterministicKeys.ed25519(2, "a", 0).publicKey()).isNotEqualTo(base);
        assertThat(DeterministicKeys.ed25519(1, "b", 0).publicKey()).isNotEqualTo(base);
        assertThat(DeterministicKeys.ed25519(1, "a", 1).publicKey()).isNotEqualTo(base);
        // X25519 and Ed25519 keys of one owner come from different streams, so one never reveals the other.
        assertThat(DeterministicKeys.x25519(1, "a", 0).publicKey()).isNotEqualTo(base);
        // Names that differ only in where a separator falls do not collide.
        assertThat(DeterministicKeys.ed25519(1, "a/0", 0).publicKey())
                .isNotEqualTo(DeterministicKeys.ed25519(1, "a", 0).publicKey());
    }

    @Test
    void aKeyRingHandsOutTheSameKeys() {
        KeyRing ring = DeterministicKeys.ring(5, "device/carol");
        assertThat(ring.ed25519(0)).isSameAs(DeterministicKeys.ed25519(5, "device/carol", 0));
        assertThat(ring.x25519(1)).isSameAs(DeterministicKeys.x25519(5, "device/carol", 1));
        assertThat(ring.rsa(CHILD_RSA_BITS, 0)).isSameAs(DeterministicKeys.rsa(5, "device/carol", CHILD_RSA_BITS, 0));
    }

    @Test
    void deterministicKeysWork() {
        Ed25519KeyPair signer = DeterministicKeys.ed25519(5, "device/carol", 0);
        byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(Ed25519KeyPair.verify(signer.publicKey(), message, signer.sign(message))).isTrue();
        X25519KeyPair a = DeterministicKeys.x25519(5, "device/carol", 0);
        X25519KeyPair b = DeterministicKeys.x25519(5, "device/dave", 0);
        assertThat(a.agree(b.publicKey()).orElseThrow()).isEqualTo(b.agree(a.publicKey()).orElseThrow());
    }

    /** Owners no other call has used, so that every run of the test below generates its keys instead of reading the cache. */
    private static final java.util.concurrent.atomic.AtomicInteger FRESH = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A key not yet cached is generated from its own stream, named by algorithm, size, owner and generation: the
     * cache only remembers it. Each run uses new owners, as the cache outlives any one test.
     */
    @Test
    void anUncachedKeyIsGeneratedFromTheStreamNamedByAlgorithmSizeOwnerAndGeneration() {
        String owner = "uncached/" + FRESH.incrementAndGet();
        assertThat(DeterministicKeys.ed25519(9, owner, 2).publicKey()).isEqualTo(Ed25519KeyPair
                .generate(new DeterministicRandom(9, "key/ed25519/256/" + owner + "/2")).publicKey());
        assertThat(DeterministicKeys.x25519(9, owner, 2).publicKey()).isEqualTo(X25519KeyPair
                .generate(new DeterministicRandom(9, "key/x25519/256/" + owner + "/2")).publicKey());
        assertThat(RsaKeyPair.decodePublic(DeterministicKeys.rsa(9, owner, CHILD_RSA_BITS, 2).publicKey())).isPresent();
        assertThat(DeterministicKeys.rsa(9, owner, CHILD_RSA_BITS, 2).publicKey()).isEqualTo(RsaKeyPair
                .generate(CHILD_RSA_BITS, new DeterministicRandom(9, "key/rsa/" + CHILD_RSA_BITS + "/" + owner + "/2"))
                .publicKey());
    }
}
