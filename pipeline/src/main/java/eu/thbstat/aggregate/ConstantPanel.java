package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes between consecutive reference years on the constant panel of Member States that report a
 * cell in both years, as Eurostat states them ("taking into account the countries that provided
 * data for both 2020 and 2021, the number of suspected traffickers in 2021 increased by 12.5 %").
 * The panel is drawn from the EU of the later year (EU27_2020 for 2019 to 2020: the United Kingdom
 * is left out of both years), so a change never mixes compositions.
 */
public final class ConstantPanel {
  private final ReferenceData ref;
  private final int geo;
  private final int time;
  private final int unit;

  public ConstantPanel(ReferenceData ref) {
    this.ref = ref;
    this.geo = ref.model().index(Dimension.GEO);
    this.time = ref.model().index(Dimension.TIME);
    this.unit = ref.model().index(Dimension.UNIT);
  }

  /**
   * The change of one cell of the EU of {@code toYear} from the year before.
   *
   * @param key the aggregate's key in the later year (geo EU27_2020 or EU28, time toYear)
   * @param panel Member States that report the cell in both years, sorted
   * @param from sum over the panel in the earlier year
   * @param to sum over the panel in the later year
   * @param populationShare share of the EU population (later year) living in the panel, or null
   * @param increased panel countries whose count rose (decreased, unchanged likewise)
   */
  public record Change(
      CellKey key,
      int fromYear,
      List<String> panel,
      double from,
      double to,
      Double populationShare,
      int increased,
      int decreased,
      int unchanged,
      boolean published) {

    public Change {
      panel = List.copyOf(panel);
    }

    /** Per cent change, or null when the earlier sum is zero. */
    public Double percent() {
      return from == 0 ? null : (to - from) / from * 100;
    }

    /** The national cells the change is computed from, both years. */
    public List<CellKey> sources(int geo, int time) {
      List<CellKey> keys = new ArrayList<>();
      for (String c : panel) {
        keys.add(key.with(geo, c).with(time, Integer.toString(fromYear)));
        keys.add(key.with(geo, c));
      }
      return keys;
    }
  }

  public List<Change> compute(List<Observation> cells) {
    Seeds seeds = ref.seeds();
    // member's key without time -> year -> value
    Map<CellKey, TreeMap<Integer, Observation>> byYear = new TreeMap<>();
    for (Observation o : cells) {
      if (o.available() && o.key().get(unit).equals("NR") && seeds.isGeo(o.key().get(geo)) && !isAggregate(o.key().get(geo))) {
        byYear.computeIfAbsent(o.key().with(time, "*"), k -> new TreeMap<>()).put(Integer.parseInt(o.key().get(time)), o);
      }
    }
    // later-year aggregate key -> country -> (from, to)
    Map<CellKey, Map<String, double[]>> pairs = new TreeMap<>();
    for (TreeMap<Integer, Observation> years : byYear.values()) {
      for (Map.Entry<Integer, Observation> e : years.entrySet()) {
        int to = e.getKey();
        Observation before = years.get(to - 1);
        String country = e.getValue().key().get(geo);
        if (before == null || !member(country, to)) {
          continue;
        }
        CellKey key = e.getValue().key().with(geo, seeds.euOf(to).code());
        pairs.computeIfAbsent(key, k -> new TreeMap<>()).put(country, new double[] {before.value(), e.getValue().value()});
      }
    }
    List<Change> changes = new ArrayList<>();
    double minShare = ref.aggregation().minPopulationShare();
    int minCountries = ref.aggregation().minCountries();
    for (Map.Entry<CellKey, Map<String, double[]>> p : pairs.entrySet()) {
      int to = Integer.parseInt(p.getKey().get(time));
      double from = 0;
      double now = 0;
      int up = 0;
      int down = 0;
      int same = 0;
      for (double[] v : p.getValue().values()) {
        from += v[0];
        now += v[1];
        if (v[1] > v[0]) {
          up++;
        } else if (v[1] < v[0]) {
          down++;
        } else {
          same++;
        }
      }
      List<String> panel = List.copyOf(p.getValue().keySet());
      Double share = share(p.getKey().get(geo), panel, to);
      boolean published = share != null && share + 1e-12 >= minShare && panel.size() >= minCountries;
      changes.add(new Change(p.getKey(), to - 1, panel, from, now, share, up, down, same, published));
    }
    return changes;
  }

  private boolean isAggregate(String g) {
    return ref.seeds().aggregates().stream().anyMatch(a -> a.code().equals(g));
  }

  private boolean member(String country, int year) {
    try {
      return ref.seeds().isEuMember(country, year);
    } catch (IllegalArgumentException noEuThatYear) {
      return false;
    }
  }

  private Double share(String eu, List<String> panel, int year) {
    return Populations.share(Populations.of(ref.seeds(), panel, year), Populations.ofEu(ref.seeds(), eu, year));
  }
}
