package eu.thbstat.report;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
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
 * is the sum of the part's EU cells over the sum of the known categories' EU cells (categories
 * other than the unknown codes, as the EU shares of the release are taken), in percent. Each
 * sentence states its coverage: how many Member States the EU cells it uses add up. A figure
 * whose EU cell is missing for a year of the period is not given; the sentence says why.
 */
public final class KeyFigures {
  private final ReportContext ctx;
  private final List<String> unknownCodes;

  /**
   * @param unknownCodes codes left out of the denominator of shares (the release's own rule)
   */
  public KeyFigures(ReportContext ctx, List<String> unknownCodes) {
    this.ctx = ctx;
    this.unknownCodes = List.copyOf(unknownCodes);
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
    double part = 0;
    double whole = 0;
    for (int year : ctx.period().years()) {
      List<String> known = known(v.along(), year);
      for (String code : known) {
        Map<String, String> cells = new LinkedHashMap<>(v.cells());
        cells.put(v.along(), code);
        CellKey key = key(cells, year);
        String missing = collect(key, year, countries, members);
        if (missing != null) {
          return new Figure(null, null, countries, members, missing);
        }
        double value = ctx.release().cells().get(key).value();
        whole += value;
        if (v.part().stream().anyMatch(p -> ctx.forEu(p, year).equals(code))) {
          part += value;
        }
      }
    }
    if (whole <= 0) {
      return new Figure(null, null, countries, members, "No victim is in a known category.");
    }
    double share = part / whole * 100;
    return new Figure(share, EurostatFormat.percent(share, 1), countries, members, null);
  }

  /**
   * The known categories of a dimension in a year: the children of its total, in the breakdown
   * of the year's EU for citizenship, without the unknown codes.
   */
  private List<String> known(String dimension, int year) {
    Dimension d = ctx.ref().model().dimension(dimension);
    String eu = ctx.euOf(year);
    List<String> out = new ArrayList<>();
    for (Code c : d.codes()) {
      if (!d.total().equals(c.parent()) || unknownCodes.contains(c.code())) {
        continue;
      }
      if (c.breakdown() != null && dimension.equals("citizen") && !c.breakdown().equals(eu)) {
        continue;
      }
      out.add(c.code());
    }
    return out;
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
