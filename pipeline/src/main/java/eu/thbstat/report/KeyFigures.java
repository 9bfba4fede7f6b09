package eu.thbstat.report;

import eu.thbstat.aggregate.Shares;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Code;
import eu.thbstat.reference.Dimension;
import eu.thbstat.report.ReleaseData.Coverage;
import eu.thbstat.report.ReportDefinitions.KeyFigureDef;
import eu.thbstat.report.ReportDefinitions.KeyFigureDefs;
import eu.thbstat.report.ReportDefinitions.ValueDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The key-figure sentences of the report, filled in from the EU aggregates of the release for the
 * period: a count is the sum over the period's years of the EU cell (each year's own EU); a share
 * is taken by the aggregates' {@link Shares} on the EU counts summed over the period, on the known
 * categories only (schemas/aggregation.yaml), as the release's own shares are. Each
 * sentence states its coverage: how many Member States the EU cells it uses add up. A figure
 * whose EU cell is missing for a year of the period is not given; the sentence says why.
 */
public final class KeyFigures {
  private final ReportContext ctx;

  public KeyFigures(ReportContext ctx) {
    this.ctx = ctx;
  }

  /** A sentence as printed, with the numbers it states (for tests and the CSV). */
  public record Sentence(String id, String label, String text, Map<String, Double> values, boolean available) {}

  public List<Sentence> sentences() {
    KeyFigureDefs defs = ctx.defs().keyFigures();
    List<Sentence> out = new ArrayList<>();
    for (KeyFigureDef f : defs.figures()) {
      out.add(sentence(defs, f));
    }
    return out;
  }

  /** A figure's value with the coverage of the EU cells behind it, per year. */
  private record Figure(Double value, String text, Map<Integer, TreeSet<String>> countries, Map<Integer, Integer> members, String missing) {}

  private Sentence sentence(KeyFigureDefs defs, KeyFigureDef f) {
    Map<String, Figure> figures = new LinkedHashMap<>();
    for (Map.Entry<String, ValueDef> v : f.values().entrySet()) {
      figures.put(v.getKey(), figure(v.getValue()));
    }
    for (Figure fig : figures.values()) {
      if (fig.missing() != null) {
        String text = defs.notAvailable()
            .replace("{label}", f.label())
            .replace("{period}", ctx.period().label())
            .replace("{reason}", fig.missing());
        return new Sentence(f.id(), f.label(), text, Map.of(), false);
      }
    }
    String text = f.sentence()
        .replace("{period}", ctx.period().label())
        .replace("{coverage}", coverage(defs.coverage(), figures));
    Map<String, Double> values = new LinkedHashMap<>();
    for (Map.Entry<String, Figure> e : figures.entrySet()) {
      text = text.replace("{" + e.getKey() + "}", e.getValue().text());
      values.put(e.getKey(), e.getValue().value());
    }
    return new Sentence(f.id(), f.label(), text, values, true);
  }

  // ---------------------------------------------------------------- values

  private Figure figure(ValueDef v) {
    Map<Integer, TreeSet<String>> countries = new TreeMap<>();
    Map<Integer, Integer> members = new TreeMap<>();
    if (v.measure().equals("count")) {
      double sum = 0;
      for (int year : ctx.period().years()) {
        CellKey key = key(v.cells(), year);
        String missing = collect(key, year, countries, members);
        if (missing != null) {
          return new Figure(null, null, countries, members, missing);
        }
        sum += ctx.release().cells().get(key).value();
      }
      return new Figure(sum, EurostatFormat.number(sum, 0), countries, members, null);
    }
    return share(v, countries, members);
  }

  /**
   * A share over the period: the EU counts of every code of the dimension are summed over the
   * years, and the aggregates' {@link Shares} takes the shares of those sums on the known
   * categories, as it does for each year of the release. The part's share is the sum of its codes'
   * shares (one denominator). The coverage is that of the EU cells the share is computed from.
   */
  private Figure share(ValueDef v, Map<Integer, TreeSet<String>> countries, Map<Integer, Integer> members) {
    int along = ctx.index(v.along());
    int last = ctx.period().last();
    int unit = ctx.index(Dimension.UNIT);
    // Every year of the period must have the EU share (the release's own, unit PC) of each part.
    for (int year : ctx.period().years()) {
      for (String part : v.part()) {
        Map<String, String> cells = new LinkedHashMap<>(v.cells());
        cells.put(v.along(), part);
        Observation pc = ctx.release().cells().get(key(cells, year).with(unit, Shares.UNIT));
        if (pc == null || !pc.available()) {
          return new Figure(null, null, countries, members, whyNoShare(v, part));
        }
      }
    }
    Map<CellKey, Double> sums = new TreeMap<>();
    Map<CellKey, List<CellKey>> yearly = new TreeMap<>();
    for (int year : ctx.period().years()) {
      for (Code c : ctx.ref().model().dimension(v.along()).codes()) {
        Map<String, String> cells = new LinkedHashMap<>(v.cells());
        cells.put(v.along(), c.code());
        CellKey key = key(cells, year);
        Observation o = ctx.release().cells().get(key);
        if (o == null || !o.available()) {
          continue;
        }
        CellKey summed = key(cells, last).with(along, ctx.forEu(backToEu27(key.get(along)), last));
        sums.merge(summed, o.value(), Double::sum);
        yearly.computeIfAbsent(summed, k -> new ArrayList<>()).add(key);
      }
    }
    List<Observation> cells = new ArrayList<>();
    sums.forEach((k, value) -> cells.add(new Observation(k, value, "", List.of(), Origin.AGGREGATED, "", 0)));
    Shares shares = new Shares(ctx.ref());
    Map<CellKey, Double> pc = new TreeMap<>();
    shares.compute(cells).forEach(s -> pc.put(s.cell().key(), s.cell().value()));
    Map<CellKey, List<CellKey>> sources = shares.sources(cells);
    double share = 0;
    TreeSet<CellKey> used = new TreeSet<>();
    for (String part : v.part()) {
      Map<String, String> fixed = new LinkedHashMap<>(v.cells());
      fixed.put(v.along(), ctx.forEu(part, last));
      CellKey partKey = key(fixed, last).with(unit, Shares.UNIT);
      Double value = pc.get(partKey);
      if (value == null) {
        return new Figure(null, null, countries, members, whyNoShare(v, part));
      }
      share += value;
      used.addAll(sources.getOrDefault(partKey, List.of()));
    }
    for (CellKey source : used) {
      for (CellKey key : yearly.getOrDefault(source, List.of())) {
        collect(key, Integer.parseInt(key.get(ctx.index(Dimension.TIME))), countries, members);
      }
    }
    return new Figure(share, EurostatFormat.percent(share, 1), countries, members, null);
  }

  /** A citizenship group named by the EU of its year, named by the EU27_2020 groups. */
  private String backToEu27(String code) {
    for (var a : ctx.ref().seeds().aggregates()) {
      if (code.contains(a.code() + "_")) {
        return code.replace(a.code(), "EU27_2020");
      }
    }
    return code;
  }

  /** Why a share cannot be given: the part's EU count is missing in a year, or another category's. */
  private String whyNoShare(ValueDef v, String part) {
    for (int year : ctx.period().years()) {
      Map<String, String> cells = new LinkedHashMap<>(v.cells());
      cells.put(v.along(), part);
      CellKey key = key(cells, year);
      String missing = collect(key, year, new TreeMap<>(), new TreeMap<>());
      if (missing != null) {
        return missing;
      }
    }
    return "The EU figures of " + ctx.period().label() + " do not give every known category of "
        + ctx.ref().model().dimension(v.along()).label().toLowerCase(java.util.Locale.ROOT) + ", so the share cannot be taken.";
  }

  /** The EU cell of the year with the given codes (other dimensions at their totals), unit NR. */
  private CellKey key(Map<String, String> cells, int year) {
    List<String> codes = new ArrayList<>();
    for (Dimension d : ctx.ref().model().dimensions()) {
      String code = switch (d.id()) {
        case Dimension.GEO -> ctx.euOf(year);
        case Dimension.TIME -> Integer.toString(year);
        case Dimension.UNIT -> "NR";
        default -> cells.getOrDefault(d.id(), d.total());
      };
      codes.add(d.id().equals("citizen") ? ctx.forEu(code, year) : code);
    }
    return new CellKey(codes);
  }

  /** Adds the coverage of an EU cell; returns why the cell cannot be used, or null. */
  private String collect(CellKey key, int year, Map<Integer, TreeSet<String>> countries, Map<Integer, Integer> members) {
    Observation o = ctx.release().cells().get(key);
    Coverage c = ctx.release().coverage().get(key);
    if (o == null || !o.available()) {
      if (c != null) {
        return CubeTableBuilder.fill(ctx.defs().coverageNotes().notPublished(), key.get(ctx.index(Dimension.GEO)), year, c, ctx);
      }
      return "The release has no EU aggregate " + key.get(ctx.index(Dimension.GEO)) + " for " + year
          + (o != null && o.flags().contains("c") ? " (confidential)." : ".");
    }
    TreeSet<String> set = countries.computeIfAbsent(year, y -> new TreeSet<>());
    if (c != null) {
      set.addAll(c.countries());
      members.put(year, c.members() > 0 ? c.members() : ctx.members(year).size());
    } else {
      members.putIfAbsent(year, ctx.members(year).size());
    }
    return null;
  }

  /** The coverage phrase: once for the period when every year has the same, else per year. */
  private String coverage(String template, Map<String, Figure> figures) {
    Map<Integer, TreeSet<String>> countries = new TreeMap<>();
    Map<Integer, Integer> members = new TreeMap<>();
    for (Figure f : figures.values()) {
      f.countries().forEach((y, set) -> countries.computeIfAbsent(y, k -> new TreeSet<>()).addAll(set));
      members.putAll(f.members());
    }
    Map<String, List<Integer>> yearsByPhrase = new LinkedHashMap<>();
    for (int year : ctx.period().years()) {
      String phrase = template
          .replace("{countries}", Integer.toString(countries.getOrDefault(year, new TreeSet<>()).size()))
          .replace("{members}", Integer.toString(members.getOrDefault(year, ctx.members(year).size())))
          .replace("{aggregate}", ctx.euOf(year));
      yearsByPhrase.computeIfAbsent(phrase, p -> new ArrayList<>()).add(year);
    }
    List<String> parts = new ArrayList<>();
    yearsByPhrase.forEach((phrase, years) -> parts.add(phrase.replace("{years}",
        years.size() == ctx.period().years().size() ? ctx.period().label() : new Period(years).label())));
    return String.join("; ", parts);
  }
}
