/**
 * The Noise Protocol Framework (specification revision 34) over 25519 / ChaChaPoly / SHA256, on Bouncy Castle:
 * {@link org.trustlab.reference.crypto.noise.CipherState}, {@link org.trustlab.reference.crypto.noise.SymmetricState}
 * and {@link org.trustlab.reference.crypto.noise.HandshakeState} as the specification names them, the fundamental
 * handshake patterns as data ({@link org.trustlab.reference.crypto.noise.HandshakePatterns}) with psk modifiers.
 * Sans-IO and deterministic: ephemeral keys come from {@link org.trustlab.reference.crypto.noise.EphemeralKeys}
 * (a seeded stream, or fixed keys for vectors), never from the platform.
 *
 * <p>The relay's data plane, both static keys pinned:
 * <pre>{@code
 * HandshakeState c = HandshakeState.initiator(NoiseProtocol.KK, HandshakeSettings.of(EphemeralKeys.from(rnd))
 *         .localStatic(clientKey).remoteStatic(agentPublic));
 * byte[] m1 = c.writeMessage(payload);            // -> e, es, ss   (the agent: a.readMessage(m1))
 * byte[] p2 = c.readMessage(m2);                  // <- e, ee, se   (m2 = a.writeMessage(...))
 * TransportSession t = c.split();                 // t.encrypt(..), t.decrypt(..), t.handshakeHash()
 * }</pre>
 * The relay's pairing: {@code HandshakeSettings.of(EphemeralKeys.from(rnd)).psk(tokenPsk)} with
 * {@link org.trustlab.reference.crypto.noise.NoiseProtocol#NN_PSK0}, the same four steps. pnet's XX: no remote
 * key up front; compare {@code remoteStatic()} with the pinned peer id after the handshake.
 *
 * <p>Every refusal is a {@link org.trustlab.reference.crypto.noise.NoiseException} carrying a
 * {@link org.trustlab.reference.crypto.noise.NoiseReason}; a refused handshake message ends the handshake.
 *
 * <p>Checked by the cacophony vectors (NoiseVectorsTest) and, under {@code mvn -B -Pconformance verify -pl
 * reference -am}, against the npm package noise-protocol 3.0.2 (NoiseConformanceTest).
 */
package org.trustlab.reference.crypto.noise;
