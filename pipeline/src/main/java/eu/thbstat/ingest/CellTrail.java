package eu.thbstat.ingest;

import eu.thbstat.model.CellSource;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The lineage of a mapped cell: which mapping entries turned the national record into the cell
 * (column and national code to common code, per dimension; value column; flag columns; national
 * definitions). Describes what {@link CellMapper} did; it decides nothing.
 */
final class CellTrail {
  private CellTrail() {}

  static CellSource of(ReferenceData ref, Mapping mapping, String file, long line, String valueColumn, String wideCode,
      Function<String, String> field, Observation o, String record) {
    List<String> rules = new ArrayList<>();
    for (Dimension d : ref.model().dimensions()) {
      String code = o.key().get(d.index());
      String constant = mapping.constants().get(d.id());
      if (constant != null) {
        rules.add(d.id() + ": constant " + constant);
      } else if (mapping.isWide() && mapping.wide().dimension().equals(d.id())) {
        rules.add(d.id() + ": value column \"" + valueColumn + "\" \"" + wideCode + "\" -> " + code);
      } else if (mapping.dimensions().containsKey(d.id())) {
        String column = mapping.dimensions().get(d.id()).column();
        rules.add(d.id() + ": column \"" + column + "\" \"" + text(field.apply(column)) + "\" -> " + code);
      } else {
        rules.add(d.id() + ": the mapping's country " + code);
      }
    }
    rules.add("value: column \"" + valueColumn + "\" \"" + text(field.apply(valueColumn)) + "\"");
    for (String column : mapping.flags().columns()) {
      String token = text(field.apply(column));
      if (!token.isEmpty()) {
        rules.add("flag: column \"" + column + "\" \"" + token + "\" -> " + mapping.flags().codes().getOrDefault(token, "(unknown, ignored)"));
      }
    }
    new TreeMap<>(mapping.definitions()).forEach((concept, value) -> {
      Definitions.Concept c = ref.definitions().concepts().get(concept);
      if (c != null && !value.equals(c.standard())) {
        rules.add("definition: " + concept + " " + value + " (standard: " + c.standard() + ")");
      }
    });
    if (!o.footnotes().isEmpty()) {
      rules.add("footnotes: " + String.join(" ", o.footnotes()));
    }
    return new CellSource(o.key(), file, line, mapping.isWide() ? valueColumn : "", mapping.id(), rules, record);
  }

  private static String text(String raw) {
    return raw == null ? "" : raw.trim();
  }
}
