package org.trustlab.properties.trust;

/** Whether a trust edge still stands at the moment the graph shows; revoked and expired edges are drawn dashed. */
public enum EdgeState {
    ACTIVE, REVOKED, EXPIRED
}
