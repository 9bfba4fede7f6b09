package eu.thbstat.release;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.output.ReleaseWriter;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between the previous release and this one, cell by cell, as published (values
 * rounded to their unit's decimals): cells ADDED, CHANGED (another value: the cell gets flag r,
 * revised), REMOVED, and FLAGS (same value, other flags). Derived totals and rates are compared too.
 */
public final class Revisions {
  public enum Change { ADDED, CHANGED, REMOVED, FLAGS }

  /** One changed cell: before is null for ADDED, after is null for REMOVED. */
  public record Revision(CellKey key, Change change, Observation before, Observation after) {}

  /** The cells of this release (changed ones flagged r) and the revisions, in key order. */
  public record Result(List<Observation> cells, List<Revision> revisions) {
    public Map<Change, Long> counts() {
      Map<Change, Long> counts = new EnumMap<>(Change.class);
      for (Change c : Change.values()) {
        counts.put(c, revisions.stream().filter(r -> r.change() == c).count());
      }
      return counts;
    }
  }

  private Revisions() {}

  public static Result compare(CommonModel model, List<Observation> previous, List<Observation> current) {
    int unit = model.index(Dimension.UNIT);
    Map<CellKey, Observation> before = new TreeMap<>();
    previous.forEach(o -> before.put(o.key(), o));
    Map<CellKey, Observation> after = new TreeMap<>();
    current.forEach(o -> after.put(o.key(), o));
    List<Observation> cells = new ArrayList<>();
    List<Revision> revisions = new ArrayList<>();
    for (Observation o : after.values()) {
      Observation old = before.get(o.key());
      int decimals = model.decimals(o.key().get(unit));
      if (old == null) {
        revisions.add(new Revision(o.key(), Change.ADDED, null, o));
        cells.add(o);
      } else if (!ReleaseWriter.format(old.value(), decimals).equals(ReleaseWriter.format(o.value(), decimals))) {
        Observation revised = new Observation(o.key(), o.value(), Flags.union(o.flags(), "r"), o.footnotes(), o.origin(), o.file(), o.line());
        revisions.add(new Revision(o.key(), Change.CHANGED, old, revised));
        cells.add(revised);
      } else {
        if (!withoutR(old.flags()).equals(withoutR(o.flags()))) {
          revisions.add(new Revision(o.key(), Change.FLAGS, old, o));
        }
        cells.add(o);
      }
    }
    for (Observation old : before.values()) {
      if (!after.containsKey(old.key())) {
        revisions.add(new Revision(old.key(), Change.REMOVED, old, null));
      }
    }
    revisions.sort((a, b) -> a.key().compareTo(b.key()));
    return new Result(cells, revisions);
  }

  static String withoutR(String flags) {
    return flags.replace("r", "");
  }
}
