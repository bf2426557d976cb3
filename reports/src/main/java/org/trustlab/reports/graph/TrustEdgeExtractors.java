package org.trustlab.reports.graph;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.trustlab.reports.autojoin.AutoJoinTrustEdges;
import org.trustlab.reports.vouch.VouchTrustEdges;

/** The trust-edge extractor of each protocol; a protocol adds its one line here. */
public final class TrustEdgeExtractors {
    private static final Map<String, TrustEdgeExtractor> BY_PROTOCOL = index(List.of(
            new AutoJoinTrustEdges(),
            new VouchTrustEdges()));

    private TrustEdgeExtractors() {}

    public static Optional<TrustEdgeExtractor> forProtocol(String protocol) {
        return Optional.ofNullable(BY_PROTOCOL.get(protocol));
    }

    private static Map<String, TrustEdgeExtractor> index(List<TrustEdgeExtractor> all) {
        Map<String, TrustEdgeExtractor> m = new TreeMap<>();
        all.forEach(x -> m.put(x.protocol(), x));
        return m;
    }
}
