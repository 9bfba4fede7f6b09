package eu.thbstat.model;

import java.io.Serializable;
import java.util.List;

/**
 * The cells of one country from one file, or of one country after harmonisation: the element the
 * pipeline passes between its stages. A cube has tens of thousands of cells, and a Beam runner
 * pays for every element (the DirectRunner milliseconds per grouped key and bundle), so cells
 * travel by the batch, never one element each.
 *
 * @param sources where the reported cells come from (lineage), empty after harmonisation
 */
public record CellBatch(String country, List<Observation> cells, List<CellSource> sources) implements Serializable {
  public CellBatch {
    cells = List.copyOf(cells);
    sources = List.copyOf(sources);
  }

  public CellBatch(String country, List<Observation> cells) {
    this(country, cells, List.of());
  }

  /** Cells as batches, one per country (in code order); {@code geo} is the geo dimension's index. */
  public static List<CellBatch> byCountry(List<Observation> cells, int geo) {
    java.util.Map<String, List<Observation>> byCountry = new java.util.TreeMap<>();
    cells.forEach(o -> byCountry.computeIfAbsent(o.key().get(geo), g -> new java.util.ArrayList<>()).add(o));
    return byCountry.entrySet().stream().map(e -> new CellBatch(e.getKey(), e.getValue())).toList();
  }
}
