package org.trustlab.reference.crypto.noise;

/** The tokens of a Noise message pattern (specification section 7.1 and 9.1, psk). */
public enum Token {
    E, S, EE, ES, SE, SS, PSK;

    /** The token as the specification writes it. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
