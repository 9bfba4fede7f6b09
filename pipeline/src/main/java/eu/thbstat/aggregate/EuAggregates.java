package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.AggregationSettings;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * EU aggregates of the counts (unit NR): for each cell key and reference year, the sum over the
 * Member States of the EU of that year (seeds: EU28 up to 2019, EU27_2020 from 2020) that give the
 * cell a value, with the coverage of each aggregate cell (which countries, how many, what share of
 * the EU population), published only when the coverage reaches the thresholds of
 * schemas/aggregation.yaml, and flags derived from the components' flags by {@link
 * FlagAggregation}. Optionally, Member States that do not report a cell are estimated from their
 * last observed rate for it (flag s). Cells of other geos (non-members, aggregates) are ignored.
 */
public final class EuAggregates {
  /** Name of the output that lists the coverage of every aggregate cell; the source of aggregated cells. */
  public static final String COVERAGE_FILE = "coverage.csv";

  private final ReferenceData ref;
  private final AggregationSettings settings;
  private final FlagAggregation flags;
  private final int geo;
  private final int time;
  private final int unit;

  public EuAggregates(ReferenceData ref) {
    this(ref, ref.aggregation());
  }

  public EuAggregates(ReferenceData ref, AggregationSettings settings) {
    this.ref = ref;
    this.settings = settings;
    this.flags = FlagAggregation.of(settings);
    this.geo = ref.model().index(Dimension.GEO);
    this.time = ref.model().index(Dimension.TIME);
    this.unit = ref.model().index(Dimension.UNIT);
  }

  /**
   * One term of an aggregate: a national cell times a coefficient (1 for a reported cell;
   * population of the reference year / population of the year observed, for an estimate).
   */
  public record Term(CellKey key, long numerator, long denominator) {
    public double coefficient() {
      return (double) numerator / denominator;
    }
  }

  /**
   * The coverage of one aggregate cell.
   *
   * @param countries Member States that report the cell, sorted
   * @param estimated Member States estimated from an earlier year (estimation on), sorted
   * @param members how many Member States the EU of the year has
   * @param populationReporting population on 1 January of the reporting countries, or null if one is missing
   * @param populationEu population of the EU (seeds, or the sum of its members), or null if unknown
   * @param populationRate population of reporting and estimated countries, the denominator of rates (null if unknown)
   * @param line line of the cell's row in coverage.csv
   */
  public record Coverage(
      CellKey key,
      List<String> countries,
      List<String> estimated,
      int members,
      Long populationReporting,
      Long populationEu,
      Long populationRate,
      boolean published,
      long line) {

    public Coverage {
      countries = List.copyOf(countries);
      estimated = List.copyOf(estimated);
    }

    /** Share of the EU population living in the reporting countries, or null if unknown. */
    public Double share() {
      return Populations.share(populationReporting, populationEu);
    }
  }

  /** One aggregate cell: the cell, its coverage and its terms (EU value = sum of terms). */
  public record Aggregate(Observation cell, Coverage coverage, List<Term> terms) {
    public Aggregate {
      terms = List.copyOf(terms);
    }
  }

  /** Every aggregate cell computed, published or not, in key order. */
  public record Result(List<Aggregate> aggregates) {
    public Result {
      aggregates = List.copyOf(aggregates);
    }

    public List<Aggregate> published() {
      return aggregates.stream().filter(a -> a.coverage().published()).toList();
    }

    public List<Observation> publishedCells() {
      return published().stream().map(Aggregate::cell).toList();
    }
  }

  public Result compute(List<Observation> cells) {
    Seeds seeds = ref.seeds();
    // EU key -> member -> reported cell; member's key without time -> year -> cell (for estimates)
    Map<CellKey, Map<String, Observation>> reported = new TreeMap<>();
    Map<CellKey, TreeMap<Integer, Observation>> history = new TreeMap<>();
    for (Observation o : cells) {
      if (!o.available() || !o.key().get(unit).equals("NR")) {
        continue;
      }
      String g = o.key().get(geo);
      int year = Integer.parseInt(o.key().get(time));
      if (!isMember(g, year)) {
        continue;
      }
      CellKey euKey = o.key().with(geo, seeds.euOf(year).code());
      reported.computeIfAbsent(euKey, k -> new TreeMap<>()).put(g, o);
      history.computeIfAbsent(o.key().with(time, "*"), k -> new TreeMap<>()).put(year, o);
    }
    List<Aggregate> aggregates = new ArrayList<>();
    long line = 2; // line 1 of coverage.csv is its header
    for (Map.Entry<CellKey, Map<String, Observation>> e : reported.entrySet()) {
      aggregates.add(aggregate(e.getKey(), e.getValue(), history, line++));
    }
    return new Result(aggregates);
  }

  private boolean isMember(String g, int year) {
    try {
      return ref.seeds().isEuMember(g, year);
    } catch (IllegalArgumentException noEuThatYear) {
      return false;
    }
  }

  private Aggregate aggregate(CellKey euKey, Map<String, Observation> byCountry, Map<CellKey, TreeMap<Integer, Observation>> history, long line) {
    Seeds seeds = ref.seeds();
    int year = Integer.parseInt(euKey.get(time));
    String eu = euKey.get(geo);
    Set<String> members = seeds.members().getOrDefault(eu, Set.of());
    List<Term> terms = new ArrayList<>();
    List<FlagAggregation.Component> components = new ArrayList<>();
    double value = 0;
    for (Observation o : byCountry.values()) {
      terms.add(new Term(o.key(), 1, 1));
      components.add(new FlagAggregation.Component(o.flags(), o.value()));
      value += o.value();
    }
    List<String> estimated = new ArrayList<>();
    if (settings.estimation()) {
      for (String m : new java.util.TreeSet<>(members)) {
        if (byCountry.containsKey(m)) {
          continue;
        }
        Term t = estimate(euKey.with(geo, m), year, history);
        if (t != null) {
          double v = history.get(t.key().with(time, "*")).get(Integer.parseInt(t.key().get(time))).value() * t.coefficient();
          terms.add(t);
          components.add(new FlagAggregation.Component("s", v));
          value += v;
          estimated.add(m);
        }
      }
    }
    List<String> countries = List.copyOf(byCountry.keySet());
    Long reporting = populationOf(countries, year);
    List<String> all = new ArrayList<>(countries);
    all.addAll(estimated);
    Long rate = populationOf(all, year);
    Long euPopulation = Populations.ofEu(seeds, eu, year);
    String f = flags.flags(components);
    if (!estimated.isEmpty()) {
      f = Flags.union(f, "s");
    }
    Coverage provisional = new Coverage(euKey, countries, estimated, members.size(), reporting, euPopulation, rate, false, line);
    Double share = provisional.share();
    boolean published = share != null && share + 1e-12 >= settings.minPopulationShare() && countries.size() >= settings.minCountries();
    Coverage coverage = new Coverage(euKey, countries, estimated, members.size(), reporting, euPopulation, rate, published, line);
    Observation cell = new Observation(euKey, value, f, List.of(), Origin.AGGREGATED, COVERAGE_FILE, line);
    return new Aggregate(cell, coverage, terms);
  }

  /** The term estimating a member's cell from its last observed rate within the years allowed, or null. */
  private Term estimate(CellKey memberKey, int year, Map<CellKey, TreeMap<Integer, Observation>> history) {
    TreeMap<Integer, Observation> years = history.get(memberKey.with(time, "*"));
    if (years == null) {
      return null;
    }
    Map.Entry<Integer, Observation> last = years.lowerEntry(year);
    if (last == null || year - last.getKey() > settings.estimationMaxYearsBack()) {
      return null;
    }
    String m = memberKey.get(geo);
    OptionalLong now = ref.seeds().population(m, year);
    OptionalLong then = ref.seeds().population(m, last.getKey());
    if (now.isEmpty() || then.isEmpty() || then.getAsLong() == 0) {
      return null;
    }
    return new Term(last.getValue().key(), now.getAsLong(), then.getAsLong());
  }

  private Long populationOf(List<String> countries, int year) {
    return Populations.of(ref.seeds(), countries, year);
  }
}
