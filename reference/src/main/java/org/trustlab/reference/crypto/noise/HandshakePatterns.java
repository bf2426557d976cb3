package org.trustlab.reference.crypto.noise;

import static org.trustlab.reference.crypto.noise.NoiseRole.INITIATOR;
import static org.trustlab.reference.crypto.noise.NoiseRole.RESPONDER;
import static org.trustlab.reference.crypto.noise.Token.E;
import static org.trustlab.reference.crypto.noise.Token.EE;
import static org.trustlab.reference.crypto.noise.Token.ES;
import static org.trustlab.reference.crypto.noise.Token.S;
import static org.trustlab.reference.crypto.noise.Token.SE;
import static org.trustlab.reference.crypto.noise.Token.SS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fundamental handshake patterns of the Noise specification (revision 34, sections 7.4 and 7.5), copied token
 * for token, and the psk modifiers (section 9). Deferred patterns (NK1, X1X, ...) are not offered.
 */
public final class HandshakePatterns {
    private HandshakePatterns() {}

    private static final Map<String, HandshakePattern> FUNDAMENTAL = new LinkedHashMap<>();

    static {
        // one-way
        add("N", List.of(), List.of(S), msg(INITIATOR, E, ES));
        add("K", List.of(S), List.of(S), msg(INITIATOR, E, ES, SS));
        add("X", List.of(), List.of(S), msg(INITIATOR, E, ES, S, SS));
        // interactive
        add("NN", List.of(), List.of(), msg(INITIATOR, E), msg(RESPONDER, E, EE));
        add("NK", List.of(), List.of(S), msg(INITIATOR, E, ES), msg(RESPONDER, E, EE));
        add("NX", List.of(), List.of(), msg(INITIATOR, E), msg(RESPONDER, E, EE, S, ES));
        add("KN", List.of(S), List.of(), msg(INITIATOR, E), msg(RESPONDER, E, EE, SE));
        add("KK", List.of(S), List.of(S), msg(INITIATOR, E, ES, SS), msg(RESPONDER, E, EE, SE));
        add("KX", List.of(S), List.of(), msg(INITIATOR, E), msg(RESPONDER, E, EE, SE, S, ES));
        add("XN", List.of(), List.of(), msg(INITIATOR, E), msg(RESPONDER, E, EE), msg(INITIATOR, S, SE));
        add("XK", List.of(), List.of(S), msg(INITIATOR, E, ES), msg(RESPONDER, E, EE), msg(INITIATOR, S, SE));
        add("XX", List.of(), List.of(), msg(INITIATOR, E), msg(RESPONDER, E, EE, S, ES), msg(INITIATOR, S, SE));
        add("IN", List.of(), List.of(), msg(INITIATOR, E, S), msg(RESPONDER, E, EE, SE));
        add("IK", List.of(), List.of(S), msg(INITIATOR, E, ES, S, SS), msg(RESPONDER, E, EE, SE));
        add("IX", List.of(), List.of(), msg(INITIATOR, E, S), msg(RESPONDER, E, EE, SE, S, ES));
    }

    private static MessagePattern msg(NoiseRole sender, Token... tokens) {
        return new MessagePattern(sender, List.of(tokens));
    }

    private static void add(String name, List<Token> initiatorPre, List<Token> responderPre,
                            MessagePattern... messages) {
        FUNDAMENTAL.put(name, new HandshakePattern(name, initiatorPre, responderPre, List.of(messages)));
    }

    /** The names of the fundamental patterns, in the specification's order. */
    public static List<String> fundamentalNames() {
        return List.copyOf(FUNDAMENTAL.keySet());
    }

    private static final Pattern NAME = Pattern.compile("([NKXI]{1,2})((?:psk[0-9])(?:\\+psk[0-9])*)?");

    /** A pattern by its name in a protocol name, e.g. {@code KK}, {@code NNpsk0}, {@code XXpsk0+psk3}. */
    public static HandshakePattern byName(String name) {
        Matcher m = NAME.matcher(name);
        HandshakePattern base = m.matches() ? FUNDAMENTAL.get(m.group(1)) : null;
        if (base == null) {
            throw new NoiseException(NoiseReason.UNSUPPORTED_PROTOCOL,
                    "handshake pattern '" + name + "' is not a fundamental pattern with optional psk modifiers");
        }
        HandshakePattern pattern = base;
        if (m.group(2) != null) {
            for (String modifier : m.group(2).split("\\+")) {
                pattern = pattern.withPsk(Integer.parseInt(modifier.substring(3)));
            }
        }
        return pattern;
    }
}
