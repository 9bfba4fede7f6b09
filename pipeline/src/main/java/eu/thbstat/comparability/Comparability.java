package eu.thbstat.comparability;

import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.FileReport;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import eu.thbstat.reference.Table;
import eu.thbstat.rules.ComparabilityRules;
import eu.thbstat.rules.ComparabilityRules.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Comparability grades: every country x table (schemas/tables.yaml) x year of a release, with the
 * reasons of schemas/rules/comparability.yaml that apply, and the completeness of the table (cells
 * given against cells asked). Rates per million get a row of the pseudo-table {@value #RATES}.
 */
public final class Comparability {
  /** The pseudo-table of the rates per million inhabitants computed by thbstat. */
  public static final String RATES = "RATES";

  private final ReferenceData ref;
  private final ComparabilityRules rules;
  private final int geo;
  private final int time;
  private final int unit;
  private final Set<String> aggregates;

  public Comparability(ReferenceData ref) {
    this.ref = ref;
    this.rules = ref.rules().sets().comparability();
    this.geo = ref.model().index(Dimension.GEO);
    this.time = ref.model().index(Dimension.TIME);
    this.unit = ref.model().index(Dimension.UNIT);
    this.aggregates = ref.seeds().aggregates().stream().map(Seeds.EuAggregate::code).collect(Collectors.toSet());
  }

  /** One reason found, with what shows it. */
  public record Found(String id, String grade, String text) {}

  /**
   * The grade of one country x table x year.
   *
   * @param asked cells the table asks for (-1 for {@value #RATES})
   * @param given cells given with a value
   * @param notAvailable cells given as not available
   */
  public record Row(String geo, int year, String table, String label, String grade, String gradeLabel,
      long asked, long given, long notAvailable, List<Found> reasons) {

    public String reasonIds() {
      return String.join(" ", reasons.stream().map(Found::id).toList());
    }

    public String explanation() {
      return String.join("; ", reasons.stream().map(Found::text).toList());
    }
  }

  /** Every row of a release, by country, year and table (in the order of schemas/tables.yaml). */
  public List<Row> grade(Release release) {
    Map<String, Map<CellKey, Observation>> byCountryYear = new TreeMap<>();
    Map<String, List<Observation>> ratesByCountryYear = new TreeMap<>();
    for (Observation o : release.observations()) {
      String g = o.key().get(geo);
      if (aggregates.contains(g)) {
        continue;
      }
      String gy = g + " " + o.key().get(time);
      if (o.key().get(unit).equals("NR")) {
        byCountryYear.computeIfAbsent(gy, k -> new LinkedHashMap<>()).put(o.key(), o);
      } else if (o.key().get(unit).equals("P_MHAB")) {
        ratesByCountryYear.computeIfAbsent(gy, k -> new ArrayList<>()).add(o);
      }
    }
    Map<String, Mapping> mappingOfFile = new HashMap<>();
    for (FileReport f : release.files()) {
      ref.mappings().stream().filter(m -> m.id().equals(f.mappingId())).findFirst().ifPresent(m -> mappingOfFile.put(f.file(), m));
    }
    Map<String, List<Finding>> findingsByCountryYear = new HashMap<>();
    for (Finding f : release.findings()) {
      if (f.key().isEmpty()) {
        continue;
      }
      String[] codes = f.key().split("\\.");
      if (codes.length == ref.model().dimensions().size()) {
        findingsByCountryYear.computeIfAbsent(codes[geo] + " " + codes[time], k -> new ArrayList<>()).add(f);
      }
    }
    Set<String> countryYears = new TreeSet<>(byCountryYear.keySet());
    countryYears.addAll(ratesByCountryYear.keySet());
    List<Row> rows = new ArrayList<>();
    for (String gy : countryYears) {
      String g = gy.substring(0, gy.indexOf(' '));
      int year = Integer.parseInt(gy.substring(gy.indexOf(' ') + 1));
      Map<CellKey, Observation> cells = byCountryYear.getOrDefault(gy, Map.of());
      List<Finding> findings = findingsByCountryYear.getOrDefault(gy, List.of());
      for (Table t : ref.tables()) {
        rows.add(table(g, year, t, cells, findings, mappingOfFile));
      }
      List<Observation> rates = ratesByCountryYear.get(gy);
      if (rates != null) {
        rows.add(rates(g, year, rates, findings, mappingOfFile));
      }
    }
    return rows;
  }

  /** Whether a count cell belongs to a table: every fixed dimension at its code (any code of a breakdown). */
  public boolean belongs(Table t, CellKey key) {
    if (!key.get(unit).equals("NR")) {
      return false;
    }
    for (Map.Entry<String, String> f : t.fixed().entrySet()) {
      if (!key.get(ref.model().index(f.getKey())).equals(f.getValue())) {
        return false;
      }
    }
    for (Dimension d : ref.model().dimensions()) {
      if (d.id().equals(Dimension.GEO) || d.id().equals(Dimension.TIME) || d.id().equals(Dimension.UNIT)
          || t.fixed().containsKey(d.id()) || t.breakdowns().containsKey(d.id())) {
        continue;
      }
      if (d.total() != null && !key.get(d.index()).equals(d.total())) {
        return false;
      }
    }
    return true;
  }

  private Row table(String g, int year, Table t, Map<CellKey, Observation> cells, List<Finding> findings,
      Map<String, Mapping> mappingOfFile) {
    List<CellKey> asked = t.cells(ref.model(), ref.seeds(), g, year);
    long given = 0;
    long notAvailable = 0;
    for (CellKey k : asked) {
      Observation o = cells.get(k);
      if (o != null) {
        if (o.available()) {
          given++;
        } else {
          notAvailable++;
        }
      }
    }
    List<Observation> members = cells.values().stream().filter(o -> belongs(t, o.key())).toList();
    if (members.isEmpty()) {
      return new Row(g, year, t.id(), t.label(), rules.notProvided().grade(), rules.notProvided().label(), asked.size(), 0, 0, List.of());
    }
    String legStat = t.fixed().get("leg_stat");
    List<Found> found = new ArrayList<>();
    for (Reason r : rules.reasons()) {
      if (r.breakdown() != null && !t.breakdowns().containsKey(r.breakdown())) {
        continue;
      }
      if (r.legStat() != null && !r.legStat().equals(legStat)) {
        continue;
      }
      Found f = switch (r.kind()) {
        case "definition" -> definition(r, members, mappingOfFile);
        case "finding" -> finding(r, t, findings);
        case "flag" -> flag(r, members);
        case "cell_definition" -> cellDefinition(r, members, mappingOfFile);
        case "incomplete" -> given + notAvailable < asked.size()
            ? new Found(r.id(), r.grade(), r.text() + " (" + (given + notAvailable) + " of " + asked.size() + " cells)") : null;
        default -> null;
      };
      if (f != null) {
        found.add(f);
      }
    }
    return row(g, year, t.id(), t.label(), asked.size(), given, notAvailable, found);
  }

  private Row rates(String g, int year, List<Observation> rates, List<Finding> findings, Map<String, Mapping> mappingOfFile) {
    List<Found> found = new ArrayList<>();
    Set<String> legStats = rates.stream().map(o -> o.key().get(ref.model().index("leg_stat"))).collect(Collectors.toSet());
    for (Reason r : rules.reasons()) {
      if (r.breakdown() != null || (r.legStat() != null && !legStats.contains(r.legStat()))) {
        continue;
      }
      Found f = switch (r.kind()) {
        case "definition" -> definition(r, rates, mappingOfFile);
        case "finding" -> {
          List<Finding> on = findings.stream().filter(x -> r.values().contains(x.ruleId()) && !x.key().endsWith(".NR")).toList();
          yield on.isEmpty() ? null : new Found(r.id(), r.grade(), r.text() + " (" + ruleCounts(on) + ")");
        }
        case "population_flag" -> {
          String flag = ref.seeds().populationFlags().get(Seeds.key(g, year));
          yield flag == null || flag.isBlank() ? null : new Found(r.id(), r.grade(), r.text() + " (population " + year + " flagged " + flag + ")");
        }
        default -> null;
      };
      if (f != null) {
        found.add(f);
      }
    }
    return row(g, year, RATES, "Rates per million inhabitants computed by thbstat", -1, rates.size(), 0, found);
  }

  private Row row(String g, int year, String table, String label, long asked, long given, long notAvailable, List<Found> found) {
    String grade = rules.grades().get(0).grade();
    for (Found f : found) {
      if (rules.rank(f.grade()) > rules.rank(grade)) {
        grade = f.grade();
      }
    }
    return new Row(g, year, table, label, grade, rules.label(grade), asked, given, notAvailable, List.copyOf(found));
  }

  private Found definition(Reason r, List<Observation> members, Map<String, Mapping> mappingOfFile) {
    Set<String> which = new TreeSet<>();
    for (Observation o : members) {
      Mapping m = mappingOfFile.get(o.file());
      if (m != null) {
        String value = m.definitions().get(r.concept());
        if (value != null && r.values().contains(value)) {
          which.add(m.id() + ": " + r.concept() + " " + value);
        }
      }
    }
    return which.isEmpty() ? null : new Found(r.id(), r.grade(), r.text() + " (" + String.join(", ", which) + ")");
  }

  private Found finding(Reason r, Table t, List<Finding> findings) {
    List<Finding> on = new ArrayList<>();
    for (Finding f : findings) {
      if (!r.values().contains(f.ruleId())) {
        continue;
      }
      CellKey key = new CellKey(List.of(f.key().split("\\.")));
      if (!belongs(t, key)) {
        continue;
      }
      String dimension = f.values().get("dimension");
      String source = f.values().get("source_dimension");
      if (dimension != null && !t.breakdowns().containsKey(dimension) && (source == null || !t.breakdowns().containsKey(source))) {
        continue;
      }
      on.add(f);
    }
    return on.isEmpty() ? null : new Found(r.id(), r.grade(), r.text() + " (" + ruleCounts(on) + ")");
  }

  private static String ruleCounts(List<Finding> findings) {
    Map<String, Integer> counts = new TreeMap<>();
    findings.forEach(f -> counts.merge(f.ruleId(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((id, n) -> parts.add(n + " " + id));
    return String.join(", ", parts);
  }

  private Found flag(Reason r, List<Observation> members) {
    long n = members.stream().filter(o -> r.values().stream().anyMatch(f -> o.flags().contains(f))).count();
    return n == 0 ? null : new Found(r.id(), r.grade(), r.text() + " (" + n + " cells flagged " + String.join(", ", r.values()) + ")");
  }

  /** Whether a mapping's national definitions flag its cells d. */
  private boolean definitionsFlagD(Mapping m) {
    for (Map.Entry<String, String> e : m.definitions().entrySet()) {
      Definitions.Concept c = ref.definitions().concepts().get(e.getKey());
      if (c != null && !e.getValue().equals(c.standard())) {
        Definitions.Value v = c.values().get(e.getValue());
        if (v != null && v.flag() != null && v.flag().contains("d")) {
          return true;
        }
      }
    }
    return false;
  }

  private Found cellDefinition(Reason r, List<Observation> members, Map<String, Mapping> mappingOfFile) {
    long n = 0;
    for (Observation o : members) {
      Mapping m = mappingOfFile.get(o.file());
      if (o.flags().contains("d") && m != null && !definitionsFlagD(m)) {
        n++;
      }
    }
    return n == 0 ? null : new Found(r.id(), r.grade(), r.text() + " (" + n + " cells)");
  }
}
