package org.trustlab.reference.crypto.noise;

import java.util.ArrayList;
import java.util.List;

/**
 * A handshake pattern as data (Noise specification revision 34, section 7): the pre-messages (keys each side knows
 * of the other before the first message) and the message patterns. {@link HandshakePatterns} holds the
 * fundamental patterns and applies psk modifiers.
 */
public record HandshakePattern(String name, List<Token> initiatorPreMessage, List<Token> responderPreMessage,
                               List<MessagePattern> messages) {
    public HandshakePattern {
        initiatorPreMessage = List.copyOf(initiatorPreMessage);
        responderPreMessage = List.copyOf(responderPreMessage);
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException(name + ": a pattern has at least one message");
        }
        for (int i = 0; i < messages.size(); i++) {
            NoiseRole expected = i % 2 == 0 ? NoiseRole.INITIATOR : NoiseRole.RESPONDER;
            if (messages.get(i).sender() != expected) {
                throw new IllegalArgumentException(name + ": message " + i + " must be sent by " + expected);
            }
        }
    }

    /** One-way patterns (N, K, X) have a single message; afterwards only the initiator sends (section 7.4). */
    public boolean oneWay() {
        return messages.size() == 1;
    }

    /** Whether any message mixes a PSK; then "e" also mixes the ephemeral key into the cipher key (section 9.2). */
    public boolean hasPsk() {
        return pskCount() > 0;
    }

    public int pskCount() {
        return (int) messages.stream().flatMap(m -> m.tokens().stream()).filter(t -> t == Token.PSK).count();
    }

    /** The pre-message of one side: the keys of that side the other side knows up front. */
    public List<Token> preMessage(NoiseRole of) {
        return of == NoiseRole.INITIATOR ? initiatorPreMessage : responderPreMessage;
    }

    /** Whether {@code role} ever uses its own static key (sends it, or computes a DH with it). */
    boolean usesLocalStatic(NoiseRole role) {
        if (preMessage(role).contains(Token.S)) {
            return true;
        }
        for (MessagePattern m : messages) {
            for (Token t : m.tokens()) {
                if (t == Token.S && m.sender() == role || t == Token.SS
                        || t == (role == NoiseRole.INITIATOR ? Token.SE : Token.ES)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** This pattern with a psk token added: psk0 first in message 1, pskN last in message N (section 9.1). */
    HandshakePattern withPsk(int position) {
        if (position < 0 || position > messages.size()) {
            throw new NoiseException(NoiseReason.UNSUPPORTED_PROTOCOL,
                    "psk" + position + " needs at least " + position + " messages, " + name + " has "
                            + messages.size());
        }
        List<MessagePattern> out = new ArrayList<>(messages);
        int index = position == 0 ? 0 : position - 1;
        List<Token> tokens = new ArrayList<>(messages.get(index).tokens());
        if (position == 0) {
            tokens.add(0, Token.PSK);
        } else {
            tokens.add(Token.PSK);
        }
        out.set(index, new MessagePattern(messages.get(index).sender(), tokens));
        String modifiers = name.matches("[A-Z]+") ? "psk" + position : "+psk" + position;
        return new HandshakePattern(name + modifiers, initiatorPreMessage, responderPreMessage, out);
    }
}
