package eu.thbstat.release;

import eu.thbstat.aggregate.Rates;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.CellSource;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The lineage of every cell of a release: for a reported cell the file, line, mapping and mapping
 * entries that produced it (from the reader, or from the previous release for a cell carried
 * forward); for a derived total the components it is the sum of and the hierarchy rule; for a rate
 * the count and the population it is computed from.
 */
public final class Lineage {
  private final ReferenceData ref;
  private final int unit;
  private final int geo;
  private final int time;

  public Lineage(ReferenceData ref) {
    this.ref = ref;
    this.unit = ref.model().index(Dimension.UNIT);
    this.geo = ref.model().index(Dimension.GEO);
    this.time = ref.model().index(Dimension.TIME);
  }

  /** The file a carried cell names: the original file, prefixed by the release that read it. */
  public static String carriedFile(String release, String file) {
    return file.startsWith("[") ? file : "[" + release + "]" + file;
  }

  /**
   * One row per cell, in the cells' order.
   *
   * @param sources what the readers said of the cells they read in this run
   * @param previous the previous release's lineage by key (for carried cells), empty if none
   */
  public List<LineageRow> rows(List<Observation> cells, List<CellSource> sources, Map<String, LineageRow> previous, String releaseId) {
    Map<String, CellSource> bySource = new HashMap<>();
    for (CellSource s : sources) {
      bySource.putIfAbsent(s.key() + "\t" + s.file() + "\t" + s.line(), s);
    }
    Map<CellKey, Observation> cube = new HashMap<>();
    cells.forEach(o -> cube.put(o.key(), o));
    List<LineageRow> rows = new ArrayList<>();
    for (Observation o : cells) {
      String key = o.key().toString();
      switch (o.origin()) {
        case REPORTED -> {
          CellSource s = bySource.get(key + "\t" + o.file() + "\t" + o.line());
          LineageRow before = previous.get(key);
          if (s != null) {
            rows.add(new LineageRow(key, o.origin().name(), releaseId, s.file(), s.line(), s.column(), s.mapping(), o.flags(), s.rules(), s.record(), List.of()));
          } else if (o.file().startsWith("[") && before != null) {
            rows.add(before);
          } else {
            rows.add(new LineageRow(key, o.origin().name(), releaseId, o.file(), o.line(), "", "", o.flags(),
                List.of("the reader of this file gives no mapping entries"), "", List.of()));
          }
        }
        case DERIVED -> rows.add(derived(o, cube, releaseId));
        case COMPUTED -> rows.add(computed(o, releaseId));
      }
    }
    return rows;
  }

  /** The first additive hierarchy rule whose complete components add up to the derived total. */
  private LineageRow derived(Observation o, Map<CellKey, Observation> cube, String releaseId) {
    for (HierarchyRule rule : ref.model().hierarchies()) {
      if (!rule.additive() || !rule.total().equals(o.key().get(rule.dimension()))) {
        continue;
      }
      List<String> components = new ArrayList<>();
      double sum = 0;
      for (String c : rule.components()) {
        Observation part = cube.get(o.key().with(rule.dimension(), c));
        if (part == null || !part.available()) {
          components = null;
          break;
        }
        components.add(part.key().toString());
        sum += part.value();
      }
      if (components != null && o.available() && sum == o.value()) {
        return new LineageRow(o.key().toString(), o.origin().name(), releaseId, "", 0, "", "", o.flags(),
            List.of("derived: " + rule.dimensionId() + " " + rule.toVtl() + " (hierarchy of schemas/codelists/" + rule.dimensionId() + ".yaml)"),
            "", components);
      }
    }
    return new LineageRow(o.key().toString(), o.origin().name(), releaseId, "", 0, "", "", o.flags(),
        List.of("derived: no complete breakdown found in the cube"), "", List.of());
  }

  private LineageRow computed(Observation o, String releaseId) {
    String rateUnit = o.key().get(unit);
    CellKey count = o.key().with(unit, "NR");
    String g = o.key().get(geo);
    int year = Integer.parseInt(o.key().get(time));
    OptionalLong population = ref.seeds().population(g, year);
    String per = rateUnit.equals(Rates.PER_MILLION) ? "1 000 000" : rateUnit.equals(Rates.PER_HUNDRED_THOUSAND) ? "100 000" : "?";
    List<String> rules = new ArrayList<>();
    rules.add("computed: " + rateUnit + " = NR / population x " + per);
    rules.add("population: " + g + " on 1 January " + year + " = " + (population.isPresent() ? population.getAsLong() : "?")
        + " (seeds/population.csv, source: " + ref.seeds().populationSource().getOrDefault(Seeds.key(g, year), "?") + ")");
    return new LineageRow(o.key().toString(), o.origin().name(), releaseId, "", 0, "", "", o.flags(), rules, "", List.of(count.toString()));
  }
}
