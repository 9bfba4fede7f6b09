package eu.thbstat.release;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.SubmissionAction;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which reported cells of the previous release carry forward into the next one. A new submission
 * for a country and reference year replaces the earlier one: every reported cell of that country
 * and year comes from the new submission, and earlier cells it no longer gives are removed. Cells
 * of countries and years no new file gives carry forward unchanged (a release loses nothing because
 * a file was not sent again). SDMX-style actions refine this: cells under a MERGE action replace
 * only the same cells; a REPLACE action replaces everything within its scope; a DELETE action
 * removes the previous cells within its scope.
 *
 * <p>Derived totals and rates are never carried: they are computed again from the reported cells.
 */
public final class CarryForward {
  private final int geo;
  private final int time;

  public CarryForward(CommonModel model) {
    this.geo = model.index(Dimension.GEO);
    this.time = model.index(Dimension.TIME);
  }

  /**
   * The previous reported cells that carry forward, each naming its source as read in the release it
   * came from ({@link Lineage#carriedFile}).
   *
   * @param previousRelease the id of the previous release
   * @param newKeys the keys of the cells the new submissions give
   */
  public List<Observation> carried(String previousRelease, List<Observation> previous, Collection<CellKey> newKeys,
      List<SubmissionAction> actions, Map<String, String> sourceFlags) {
    Set<CellKey> given = new HashSet<>(newKeys);
    Set<String> replaced = new HashSet<>();
    List<SubmissionAction> merges = actions.stream().filter(a -> a.action().equals(SubmissionAction.MERGE)).toList();
    for (CellKey k : given) {
      if (merges.stream().noneMatch(a -> a.covers(k))) {
        replaced.add(countryYear(k));
      }
    }
    List<SubmissionAction> scoped = actions.stream().filter(a -> !a.action().equals(SubmissionAction.MERGE)).toList();
    List<Observation> carried = new ArrayList<>();
    for (Observation o : previous) {
      if ((o.origin() != Origin.REPORTED && o.origin() != Origin.COUNTED) || given.contains(o.key()) || replaced.contains(countryYear(o.key()))
          || scoped.stream().anyMatch(a -> a.covers(o.key()))) {
        continue;
      }
      String flags = sourceFlags.getOrDefault(o.key().toString(), Revisions.withoutR(o.flags()));
      carried.add(new Observation(o.key(), o.value(), flags, o.footnotes(), o.origin(), Lineage.carriedFile(previousRelease, o.file()), o.line()));
    }
    return carried;
  }

  private String countryYear(CellKey k) {
    return k.get(geo) + "\t" + k.get(time);
  }
}
