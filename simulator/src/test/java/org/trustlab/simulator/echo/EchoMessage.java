package org.trustlab.simulator.echo;

/** The echo test protocol's one message: a numbered note, or the reply to one. */
public record EchoMessage(long seq, boolean reply, String body) {}
