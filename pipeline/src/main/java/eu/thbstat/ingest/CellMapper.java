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
import eu.thbstat.reference.MappingFootnotes;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.RuleCatalogue;
import eu.thbstat.reference.RuleCatalogue.Place;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
  private static final Pattern FIGURE = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
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

  CellMapper(ReferenceData ref, Mapping mapping, String file) {
    this.ref = ref;
    this.model = ref.model();
    this.mapping = mapping;
    this.rules = ref.rules();
    this.file = file;
  }

  /** Flags and footnote ids the national definitions give the cells of one reference year. */
  private record YearDefinitions(String flags, List<String> footnotes) {}

  private final Map<Integer, YearDefinitions> byYear = new java.util.HashMap<>();

  /**
   * The national definitions of a year: each non-standard one gives its flag and footnote; a
   * definition that differs from the year before (a dated definition changing) gives flag b.
   */
  private YearDefinitions definitions(Integer year) {
    return byYear.computeIfAbsent(year == null ? Integer.MIN_VALUE : year, y -> {
      StringBuilder flags = new StringBuilder();
      List<String> notes = new ArrayList<>();
      for (String concept : mapping.definedConcepts()) {
        Definitions.Concept c = ref.definitions().concepts().get(concept);
        String value = year == null ? mapping.definitions().get(concept) : mapping.definition(concept, year);
        if (c == null || value == null || !c.values().containsKey(value)) {
          continue;
        }
        Definitions.Value v = c.values().get(value);
        if (!value.equals(c.standard())) {
          if (v.flag() != null) {
            flags.append(v.flag());
          }
          if (v.footnote() != null) {
            notes.add(value.equals(mapping.definitions().get(concept))
                ? ReferenceData.definitionFootnoteId(mapping, concept)
                : MappingFootnotes.definitionValueId(mapping, concept, value));
          }
        }
        if (year != null && year > model.firstYear()) {
          String before = mapping.definition(concept, year - 1);
          if (before != null && !before.equals(value)) {
            flags.append('b');
            notes.add(MappingFootnotes.breakId(mapping, concept));
          }
        }
      }
      return new YearDefinitions(Flags.normalise(flags.toString()), List.copyOf(notes));
    });
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
    Cell cell = new Cell();
    for (Dimension d : model.dimensions()) {
      String code = code(d, field, valueColumn, wideCode, place, findings, cell);
      complete &= code != null;
      codes.add(code == null ? "?" : code);
      if (d.id().equals(Dimension.TIME) && code != null) {
        cell.year = Integer.valueOf(code);
      }
    }
    CellKey key = new CellKey(codes);
    String keyText = complete ? key.toString() : "";

    String raw = field.apply(valueColumn);
    raw = raw == null ? "" : raw.trim();
    YearDefinitions defs = definitions(cell.year);
    StringBuilder flags = new StringBuilder(defs.flags()).append(cell.flags);
    if (mapping.inlineFlags() && raw.length() <= 64) { // a longer cell is no number; the regex would backtrack for minutes
      Matcher m = INLINE_FLAGS.matcher(raw);
      // only after a number or a not-available token: "three" is text, not "th" flagged r and e
      if (m.matches() && !isNotAvailable(raw) && (FIGURE.matcher(m.group(1).trim()).matches() || isNotAvailable(m.group(1).trim()))) {
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
      if (eurostat == null && mapping.flags().letters() && token.matches("[" + Flags.ALL + "]+")) {
        eurostat = token;
      }
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
      if (value != null && mapping.value() != null && mapping.value().ratePer() != null) {
        value = fromRate(raw, codes.get(model.index(Dimension.GEO)), cell.year, valueColumn, place.at(line, valueColumn).withKey(keyText), findings);
        if (value != null) {
          flags.append('e');
          cell.notes.add(MappingFootnotes.rateId(mapping));
        }
      }
    }

    if (complete) {
      checkEuGroup(key, place.at(line, citizenColumn()).withKey(keyText), findings);
    }
    Observation observation = null;
    if (complete && findings.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
      TreeSet<String> notes = new TreeSet<>(defs.footnotes());
      notes.addAll(cell.notes);
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
  /** What mapping the codes of one cell adds to it: its year once known, flags and footnotes. */
  private static final class Cell {
    Integer year;
    final StringBuilder flags = new StringBuilder();
    final List<String> notes = new ArrayList<>();
  }

  private String code(Dimension d, Function<String, String> field, String valueColumn, String wideCode, Place place, List<Finding> findings, Cell cell) {
    String constant = mapping.constants().get(d.id());
    if (constant != null) {
      return constant;
    }
    String raw;
    String column;
    Mapping.Column codes;
    if (mapping.isWide() && mapping.wide().dimension().equals(d.id())) {
      raw = wideCode;
      column = valueColumn;
      codes = mapping.wide().codes().isEmpty() ? null : new Mapping.Column(column, mapping.wide().codes(), null, mapping.wide().inexact());
    } else if (mapping.dimensions().containsKey(d.id())) {
      Mapping.Column c = mapping.dimensions().get(d.id());
      column = c.column();
      raw = field.apply(column).trim();
      codes = c.codes() == null && c.dated().isEmpty() ? null : c;
    } else {
      return mapping.country(); // geo defaults to the mapping's country
    }
    String code;
    if (codes != null) {
      Mapping.Resolved resolved = codes.resolve(raw.trim(), cell.year);
      if (resolved == null && codes.dated().containsKey(raw.trim())) {
        findings.add(rules.finding("CODE_NOT_VALID_IN_YEAR", place.at(place.line(), column),
            details("value", raw, "column", column, "dimension", d.id(), "mapping", mapping.id(), "time", cell.year == null ? "an unknown year" : cell.year,
                "periods", String.join(", ", codes.dated().get(raw.trim()).stream()
                    .map(p -> p.code() + " " + (p.from() == null ? "" : p.from()) + "-" + (p.to() == null ? "" : p.to())).toList()))));
        return null;
      }
      if (resolved == null) {
        findings.add(rules.finding("CODE_UNMAPPED", place.at(place.line(), column),
            details("value", raw, "column", column, "dimension", d.id(), "mapping", mapping.id(),
                "known", String.join(", ", codes.nationalCodes().stream().map(k -> k.isEmpty() ? "(empty)" : k).toList()))));
        return null;
      }
      code = resolved.code();
      if (resolved.inexact()) {
        cell.flags.append('d');
        cell.notes.add(MappingFootnotes.inexactId(mapping, d.id(), raw));
      }
      if (resolved.breakInSeries()) {
        cell.flags.append('b');
        cell.notes.add(MappingFootnotes.breakId(mapping, d.id()));
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
    boolean rate = mapping.value() != null && mapping.value().ratePer() != null;
    if ("NR".equals(unit) && !rate && v != Math.rint(v)) {
      findings.add(rules.finding("VALUE_NOT_INTEGER", place, details("value", raw, "column", column)));
    }
    return v + 0.0; // no negative zero
  }

  /** A count from a rate per {@code ratePer} inhabitants: rate x population / ratePer, rounded half up. */
  private Double fromRate(String raw, String geo, Integer year, String column, Place place, List<Finding> findings) {
    java.util.OptionalLong population = year == null ? java.util.OptionalLong.empty() : ref.seeds().population(geo, year);
    if (population.isEmpty()) {
      findings.add(rules.finding("RATE_NO_POPULATION", place, details("value", raw, "column", column, "geo", geo, "time", year == null ? "?" : year)));
      return null;
    }
    String text = mapping.csv().decimal().equals(",") ? raw.replace(',', '.') : raw;
    BigDecimal count = new BigDecimal(text).multiply(BigDecimal.valueOf(population.getAsLong()))
        .divide(BigDecimal.valueOf(mapping.value().ratePer()), 0, RoundingMode.HALF_UP);
    return count.doubleValue() + 0.0;
  }

  private static Map<String, Object> details(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
