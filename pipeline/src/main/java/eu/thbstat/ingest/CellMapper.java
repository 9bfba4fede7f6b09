package eu.thbstat.ingest;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Finding;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.model.Severity;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Definitions;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps one value cell of a national record onto the common model: national codes to common codes,
 * the value (or not available), national flags to Eurostat flags, national definitions to flags
 * and footnotes; and checks the cell on its own (codes, year, number, sign, whole count).
 */
final class CellMapper {
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");
  private static final Pattern INLINE_FLAGS = Pattern.compile("^(.*?)\\s*([" + Flags.ALL + "]+)$");

  /**
   * A mapped cell: the observation, unless an ERROR finding keeps it out or a code could not be
   * placed (whatever severity its rule is given).
   */
  record Outcome(Observation observation, List<Finding> findings) {
    boolean rejected() {
      return observation == null;
    }
  }

  private final ReferenceData ref;
  private final CommonModel model;
  private final Mapping mapping;
  private final RuleCatalogue rules;
  private final String file;
  private final String definitionFlags;
  private final List<String> definitionFootnotes;

  CellMapper(ReferenceData ref, Mapping mapping, String file) {
    this.ref = ref;
    this.model = ref.model();
    this.mapping = mapping;
    this.rules = ref.rules();
    this.file = file;
    StringBuilder flags = new StringBuilder();
    List<String> notes = new ArrayList<>();
    mapping.definitions().forEach((concept, value) -> {
      Definitions.Concept c = ref.definitions().concepts().get(concept);
      Definitions.Value v = c.values().get(value);
      if (!value.equals(c.standard())) {
        if (v.flag() != null) {
          flags.append(v.flag());
        }
        if (v.footnote() != null) {
          notes.add(ReferenceData.definitionFootnoteId(mapping, concept));
        }
      }
    });
    this.definitionFlags = Flags.normalise(flags.toString());
    this.definitionFootnotes = List.copyOf(notes);
  }

  /**
   * Maps the cell of one record.
   *
   * @param field the record's fields by header
   * @param valueColumn header of the value column of this cell
   * @param wideCode for a wide layout, the national code the value column carries (else null)
   */
  Outcome map(long line, Function<String, String> field, String valueColumn, String wideCode) {
    List<Finding> findings = new ArrayList<>();
    Place place = new Place(mapping.country(), file, line, "", "");
    List<String> codes = new ArrayList<>();
    boolean complete = true;
    for (Dimension d : model.dimensions()) {
      String code = code(d, field, valueColumn, wideCode, place, findings);
      complete &= code != null;
      codes.add(code == null ? "?" : code);
    }
    CellKey key = new CellKey(codes);
    String keyText = complete ? key.toString() : "";

    String raw = field.apply(valueColumn);
    raw = raw == null ? "" : raw.trim();
    StringBuilder flags = new StringBuilder(definitionFlags);
    if (mapping.inlineFlags() && raw.length() <= 64) { // a longer cell is no number; the regex would backtrack for minutes
      Matcher m = INLINE_FLAGS.matcher(raw);
      if (m.matches() && !isNotAvailable(raw)) {
        flags.append(m.group(2));
        raw = m.group(1).trim();
      }
    }
    for (String column : mapping.flags().columns()) {
      String token = field.apply(column).trim();
      if (token.isEmpty()) {
        continue;
      }
      String eurostat = mapping.flags().codes().get(token);
      if (eurostat == null) {
        findings.add(rules.finding("FLAG_UNKNOWN", place.at(line, column).withKey(keyText),
            Map.of("value", token, "column", column, "mapping", mapping.id(), "known", String.join(", ", mapping.flags().codes().keySet()))));
      } else if (!eurostat.equals(":")) { // ':' marks the value not available; a figure given beside it is kept
        flags.append(eurostat);
      }
    }

    Double value = null;
    if (!isNotAvailable(raw)) {
      value = number(raw, valueColumn, codes.get(model.index(Dimension.UNIT)), place.at(line, valueColumn).withKey(keyText), findings);
    }

    if (complete) {
      checkEuGroup(key, place.at(line, citizenColumn()).withKey(keyText), findings);
    }
    Observation observation = null;
    if (complete && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
      TreeSet<String> notes = new TreeSet<>(definitionFootnotes);
      for (int i = 0; i < mapping.footnotes().size(); i++) {
        if (applies(mapping.footnotes().get(i), key)) {
          notes.add(ReferenceData.mappingFootnoteId(mapping, i));
        }
      }
      observation = new Observation(key, value, flags.toString(), List.copyOf(notes), Origin.REPORTED, file, line);
    }
    return new Outcome(observation, findings);
  }

  private String citizenColumn() {
    Mapping.Column c = mapping.dimensions().get("citizen");
    return c == null ? "" : c.column();
  }

  /**
   * Citizenship groups belong to the EU of the reference year: a code whose breakdown names an EU
   * aggregate (EU28_FOR: EU28) is only valid in the years of that aggregate.
   */
  private void checkEuGroup(CellKey key, Place place, List<Finding> findings) {
    if (!model.hasDimension("citizen")) {
      return;
    }
    String code = key.get(model.index("citizen"));
    eu.thbstat.reference.Code c = model.dimension("citizen").code(code);
    int year = Integer.parseInt(key.get(model.index(Dimension.TIME)));
    String eu = ref.seeds().euOf(year).code();
    boolean isEuAggregate = c != null && c.breakdown() != null
        && ref.seeds().aggregates().stream().anyMatch(a -> a.code().equals(c.breakdown()));
    if (isEuAggregate && !c.breakdown().equals(eu)) {
      findings.add(rules.finding("CITIZEN_EU_MISMATCH", place, details("value", code, "time", year, "eu", eu)));
    }
  }

  private boolean isNotAvailable(String raw) {
    if (raw.isEmpty()) {
      return true;
    }
    for (String token : mapping.notAvailable()) {
      if (token.equalsIgnoreCase(raw)) {
        return true;
      }
    }
    return false;
  }

  private boolean applies(Mapping.Footnote note, CellKey key) {
    for (Map.Entry<String, String> w : note.where().entrySet()) {
      if (!key.get(model.index(w.getKey())).equals(w.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** The common code of dimension d for this cell, or null after adding a finding. */
  private String code(Dimension d, Function<String, String> field, String valueColumn, String wideCode, Place place, List<Finding> findings) {
    String constant = mapping.constants().get(d.id());
    if (constant != null) {
      return constant;
    }
    String raw;
    String column;
    Map<String, String> codes;
    if (mapping.isWide() && mapping.wide().dimension().equals(d.id())) {
      raw = wideCode;
      column = valueColumn;
      codes = mapping.wide().codes().isEmpty() ? null : mapping.wide().codes();
    } else if (mapping.dimensions().containsKey(d.id())) {
      Mapping.Column c = mapping.dimensions().get(d.id());
      column = c.column();
      raw = field.apply(column).trim();
      codes = c.codes();
    } else {
      return mapping.country(); // geo defaults to the mapping's country
    }
    String code;
    if (codes != null) {
      code = codes.get(raw.trim());
      if (code == null) {
        findings.add(rules.finding("CODE_UNMAPPED", place.at(place.line(), column),
            details("value", raw, "column", column, "dimension", d.id(), "mapping", mapping.id(),
                "known", String.join(", ", codes.keySet().stream().map(k -> k.isEmpty() ? "(empty)" : k).toList()))));
        return null;
      }
    } else if (d.id().equals(Dimension.GEO)) {
      code = ref.seeds().geoOf(raw);
      if (code == null) {
        findings.add(rules.finding("CODE_NOT_IN_LIST", place.at(place.line(), column), details("value", raw, "dimension", d.id())));
      }
      return code;
    } else {
      code = raw;
    }
    if (d.id().equals(Dimension.TIME)) {
      if (!code.matches("\\d{4}") || Integer.parseInt(code) < model.firstYear() || Integer.parseInt(code) > model.lastYear()) {
        findings.add(rules.finding("TIME_INVALID", place.at(place.line(), column),
            details("value", raw, "column", column, "first", model.firstYear(), "last", model.lastYear())));
        return null;
      }
      return code;
    }
    String canonical = d.canonical(code);
    if (canonical == null) {
      findings.add(rules.finding("CODE_NOT_IN_LIST", place.at(place.line(), column), details("value", code, "dimension", d.id())));
    }
    return canonical;
  }

  private Double number(String raw, String column, String unit, Place place, List<Finding> findings) {
    String text = raw;
    if (mapping.csv().decimal().equals(",")) {
      text = text.contains(".") ? "x" : text.replace(',', '.');
    }
    if (!NUMBER.matcher(text).matches()) {
      findings.add(rules.finding("VALUE_NOT_NUMERIC", place,
          details("value", raw, "column", column, "not_available", String.join(" ", mapping.notAvailable().stream().filter(t -> !t.isEmpty()).map(t -> "\"" + t + "\"").toList()))));
      return null;
    }
    double v = Double.parseDouble(text);
    if (v < 0) {
      findings.add(rules.finding("VALUE_NEGATIVE", place, details("value", raw, "column", column)));
    }
    if ("NR".equals(unit) && v != Math.rint(v)) {
      findings.add(rules.finding("VALUE_NOT_INTEGER", place, details("value", raw, "column", column)));
    }
    return v + 0.0; // no negative zero
  }

  private static Map<String, Object> details(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
