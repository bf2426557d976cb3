package org.trustlab.simulator.world;

/**
 * A message on the wire: who sent it (or claims to), to whom, its exact bytes, the {@code msg-id} of the send it
 * came from (copies, replays and tampered versions keep it, so a trace reader can match them to the original),
 * its canonical tag and the hex SHA-256 of its bytes. {@code viaAttacker} marks bytes the attacker routed, altered
 * or injected; {@code direct} ones skip the network model (the attacker hands them to the recipient at a time of
 * its choosing, across partitions).
 */
record Transit(String from, String to, byte[] bytes, String msgId, String tag, String sha256, boolean viaAttacker,
        boolean direct) {

    Transit withTo(String newTo) {
        return new Transit(from, newTo, bytes, msgId, tag, sha256, true, direct);
    }

    Transit withBytes(byte[] newBytes, String newTag, String newSha) {
        return new Transit(from, to, newBytes, msgId, newTag, newSha, true, direct);
    }
}
