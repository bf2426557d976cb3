package org.trustlab.reference.crypto.noise;

import java.util.List;
import java.util.stream.Collectors;

/** One handshake message: who sends it and its tokens, in order. */
public record MessagePattern(NoiseRole sender, List<Token> tokens) {
    public MessagePattern {
        tokens = List.copyOf(tokens);
    }

    @Override
    public String toString() {
        return (sender == NoiseRole.INITIATOR ? "-> " : "<- ")
                + tokens.stream().map(Token::text).collect(Collectors.joining(", "));
    }
}
