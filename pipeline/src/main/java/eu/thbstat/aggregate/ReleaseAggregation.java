package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The aggregation steps over a whole release, in order: EU aggregates of the counts (published
 * ones join the cube), their rates per million and per 100 000 on the population of the countries
 * that report each cell, and shares on known categories for every geo. Run by ReleaseSteps.
 */
public final class ReleaseAggregation {
  private ReleaseAggregation() {}

  /** The cube with the new cells, and the notes made on the way. */
  public record Result(List<Observation> cells, List<Finding> findings) {}

  public static Result apply(ReferenceData ref, List<Observation> cells) {
    Set<CellKey> existing = new TreeSet<>();
    cells.forEach(o -> existing.add(o.key()));
    List<Observation> all = new ArrayList<>(cells);
    List<Finding> findings = new ArrayList<>();

    EuAggregates.Result eu = new EuAggregates(ref).compute(cells);
    Map<CellKey, EuAggregates.Coverage> coverage = new TreeMap<>();
    List<Observation> euCells = new ArrayList<>();
    TreeSet<String> missing = new TreeSet<>();
    int time = ref.model().index(Dimension.TIME);
    for (EuAggregates.Aggregate a : eu.published()) {
      if (existing.contains(a.cell().key())) {
        continue;
      }
      euCells.add(a.cell());
      coverage.put(a.cell().key(), a.coverage());
      if (a.coverage().populationRate() == null) {
        int year = Integer.parseInt(a.cell().key().get(time));
        List<String> countries = new ArrayList<>(a.coverage().countries());
        countries.addAll(a.coverage().estimated());
        countries.stream().filter(c -> ref.seeds().population(c, year).isEmpty()).forEach(c -> missing.add(c + ":" + year));
      }
    }
    all.addAll(euCells);
    Rates.Result rates = new Rates(ref).compute(euCells, o -> {
      Long p = coverage.get(o.key()).populationRate();
      return p == null ? OptionalLong.empty() : OptionalLong.of(p);
    });
    all.addAll(rates.rates());
    for (String m : missing) {
      String[] gy = m.split(":");
      findings.add(ref.rules().finding("POPULATION_MISSING", Place.file(gy[0], ""), Map.of("geo", gy[0], "time", gy[1])));
    }
    // rates.findings() name the aggregate; the countries without population are named above instead

    new Shares(ref).compute(all).forEach(s -> all.add(s.cell()));
    return new Result(all, findings);
  }
}
