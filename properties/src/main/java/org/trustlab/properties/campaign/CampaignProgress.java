package org.trustlab.properties.campaign;

/** What a campaign reports while it runs; implementations must be thread-safe (workers call {@link #runDone}). */
public interface CampaignProgress {
    CampaignProgress SILENT = new CampaignProgress() {};

    default void started(String protocol, int runs) {}

    default void runDone(boolean violated) {}

    default void shrinking(String checkId, int runIndex) {}

    default void finished() {}
}
