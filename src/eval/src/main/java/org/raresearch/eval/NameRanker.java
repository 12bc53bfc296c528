package org.raresearch.eval;

import java.util.List;
import java.util.Objects;
import org.raresearch.RareSearch;
import org.raresearch.api.NameMatch;
import org.raresearch.api.ScoredId;

/**
 * Ranks by name resolution: {@link RareSearch#resolve(String, int)}'s candidates in its order, each
 * scored by its confidence. This measures names through the call users make to resolve them, not
 * through the symptom ranking.
 *
 * <p>A candidate is named by its disease's Orphanet report when it lists one among its source
 * reports (the judgements of the shared query sets are Orphanet reports), else by its own id.
 */
public final class NameRanker implements Ranker {
  private static final String ORPHANET_PREFIX = "ORPHA_";
  private final RareSearch rare;

  /**
   * Creates the ranker.
   *
   * @param rare the index to resolve names in
   */
  public NameRanker(RareSearch rare) {
    this.rare = Objects.requireNonNull(rare, "rare");
  }

  @Override
  public List<ScoredId> rank(String query, int limit) {
    return rare.resolve(query, limit).stream().map(NameRanker::scored).toList();
  }

  private static ScoredId scored(NameMatch match) {
    String id = match.id().startsWith(ORPHANET_PREFIX)
        ? match.id()
        : match.sourceIds().stream().filter(s -> s.startsWith(ORPHANET_PREFIX)).findFirst().orElse(match.id());
    return new ScoredId(id, (float) match.confidence());
  }
}
