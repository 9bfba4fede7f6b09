package eu.thbstat.reference;

import java.util.Map;

/**
 * The footnotes a mapping's features put on cells, by id, with their texts: national definitions
 * by value, breaks in series, non-exact code mappings, counts converted from rates. Ids never hold
 * spaces (cube.csv lists a cell's footnote ids separated by spaces).
 */
public final class MappingFootnotes {
  private MappingFootnotes() {}

  /** A national definition's footnote when the value is not the mapping's everyday one. */
  public static String definitionValueId(Mapping m, String concept, String value) {
    return m.id() + "#" + concept + "=" + value;
  }

  /** A break in series from a change of national definition (concept) or of a dated code (dimension). */
  public static String breakId(Mapping m, String conceptOrDimension) {
    return m.id() + "#break:" + conceptOrDimension;
  }

  /** A national code mapped with the non-exact marker. */
  public static String inexactId(Mapping m, String dimension, String national) {
    return m.id() + "#~" + dimension + ":" + national.trim().replaceAll("[^A-Za-z0-9_.+<>=-]", "_");
  }

  /** Counts converted from rates per inhabitants. */
  public static String rateId(Mapping m) {
    return m.id() + "#rate";
  }

  /** A footnote a questionnaire workbook gives in its own words (id from the text's hash). */
  public static String workbookId(Mapping m, String text) {
    return m.id() + "#wb:" + ReferenceDataLoader.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 8);
  }

  /** Adds the footnotes of a mapping's features to {@code all}. */
  static void addAll(Map<String, ReferenceData.Footnote> all, Mapping m, Definitions definitions, CommonModel model) {
    new java.util.TreeMap<>(definitions.concepts()).forEach((id, c) -> {
      new java.util.TreeMap<>(c.values()).forEach((value, v) -> {
        if (!value.equals(c.standard()) && v.footnote() != null) {
          all.putIfAbsent(definitionValueId(m, id, value), new ReferenceData.Footnote(m.country(), v.footnote()));
        }
      });
      all.put(breakId(m, id), new ReferenceData.Footnote(m.country(),
          "Break in series: the national definition \"" + c.label() + "\" changes in this reference year."));
    });
    m.dimensions().forEach((dim, column) -> {
      if (!model.hasDimension(dim)) {
        return;
      }
      Dimension d = model.dimension(dim);
      if (column.dated().values().stream().anyMatch(p -> p.stream().anyMatch(Mapping.DatedCode::breakInSeries))) {
        all.put(breakId(m, dim), new ReferenceData.Footnote(m.country(),
            "Break in series: the national classification of " + d.label().toLowerCase(java.util.Locale.ROOT) + " changes in this reference year."));
      }
      for (String national : column.nationalCodes()) {
        Mapping.Resolved plain = column.resolve(national, null);
        if (plain != null && plain.inexact()) {
          all.put(inexactId(m, dim, national), inexact(m, d, national, plain.code()));
        }
        column.dated().getOrDefault(national, java.util.List.of()).stream().filter(Mapping.DatedCode::inexact)
            .forEach(p -> all.put(inexactId(m, dim, national), inexact(m, d, national, p.code())));
      }
    });
    if (m.wide() != null && model.hasDimension(m.wide().dimension())) {
      Dimension d = model.dimension(m.wide().dimension());
      m.wide().inexact().forEach(national -> all.put(inexactId(m, d.id(), national), inexact(m, d, national, m.wide().codes().get(national))));
    }
    if (m.value() != null && m.value().ratePer() != null) {
      all.put(rateId(m), new ReferenceData.Footnote(m.country(),
          "Computed by thbstat from the national rate per " + String.format(java.util.Locale.ROOT, "%,d", m.value().ratePer()).replace(',', ' ')
              + " inhabitants and the population on 1 January (seeds/population.csv), rounded half up to a whole count: an estimate."));
    }
  }

  private static ReferenceData.Footnote inexact(Mapping m, Dimension d, String national, String code) {
    Code c = d.code(code);
    String label = c == null ? code : c.label();
    return new ReferenceData.Footnote(m.country(), "The national category \"" + national + "\" (" + d.label().toLowerCase(java.util.Locale.ROOT)
        + ") is counted as \"" + label + "\", which it does not match exactly.");
  }
}
