package eu.thbstat.reference;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One mapping file of mappings/: how one national source maps onto the common model. The format
 * is defined by schemas/mapping.schema.json and documented in mappings/README.md.
 *
 * @param path the mapping file, relative to the thbstat home
 */
public record Mapping(
    String id,
    String country,
    String description,
    String source,
    List<String> files,
    String format,
    Csv csv,
    String layout,
    Wide wide,
    Map<String, String> constants,
    Map<String, Column> dimensions,
    ValueColumn value,
    boolean inlineFlags,
    List<String> notAvailable,
    FlagSpec flags,
    List<Exclusion> exclude,
    Map<String, String> definitions,
    List<Footnote> footnotes,
    Sdmx sdmx,
    List<DefinitionPeriod> definitionPeriods,
    Microdata microdata,
    String path)
    implements Serializable {

  public static final List<String> DEFAULT_NOT_AVAILABLE = List.of(".", "NA", "-", ":", "");
  /** SDMX-CSV: an empty OBS_VALUE, NaN (SDMX's missing number) or ':'. */
  public static final List<String> SDMX_NOT_AVAILABLE = List.of("", "NaN", ":");
  /** The questionnaire: a blank cell (or ':'); anything else in a count cell must be a number. */
  public static final List<String> XLSX_NOT_AVAILABLE = List.of("", ":");

  public static final String CSV = "csv";
  public static final String SDMX_CSV = "sdmx-csv";
  public static final String XLSX = "xlsx";

  public Mapping {
    files = List.copyOf(files);
    csv = csv == null ? new Csv(null, null, null, null, null) : csv;
    constants = constants == null ? Map.of() : Map.copyOf(constants);
    dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    notAvailable = notAvailable != null ? List.copyOf(notAvailable)
        : SDMX_CSV.equals(format) ? SDMX_NOT_AVAILABLE : XLSX.equals(format) ? XLSX_NOT_AVAILABLE : DEFAULT_NOT_AVAILABLE;
    flags = flags == null ? new FlagSpec(List.of(), Map.of()) : flags;
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    definitions = definitions == null ? Map.of() : Map.copyOf(definitions);
    footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
    definitionPeriods = definitionPeriods == null ? List.of() : List.copyOf(definitionPeriods);
  }

  public boolean isSdmx() {
    return SDMX_CSV.equals(format);
  }

  public boolean isXlsx() {
    return XLSX.equals(format);
  }

  /** The national definition of a concept in a reference year: a dated entry, else {@link #definitions}. */
  public String definition(String concept, int year) {
    for (DefinitionPeriod p : definitionPeriods) {
      if (p.concept().equals(concept) && p.covers(year)) {
        return p.value();
      }
    }
    return definitions.get(concept);
  }

  /** Every concept with a national definition in some year. */
  public Set<String> definedConcepts() {
    Set<String> concepts = new TreeSet<>(definitions.keySet());
    definitionPeriods.forEach(p -> concepts.add(p.concept()));
    return concepts;
  }

  public boolean isWide() {
    return "wide".equals(layout);
  }

  public Mapping withPath(String mappingPath) {
    return new Mapping(
        id, country, description, source, files, format, csv, layout, wide, constants, dimensions,
        value, inlineFlags, notAvailable, flags, exclude, definitions, footnotes, sdmx, definitionPeriods, microdata, mappingPath);
  }

  /** Whether the mapping reads case-level records (format microdata) rather than cells. */
  public boolean isMicrodata() {
    return "microdata".equals(format);
  }

  /** The same mapping with another way of reading the file (defaults of a format, see MappingDefaults). */
  public Mapping withReading(String newLayout, Map<String, Column> newDimensions, ValueColumn newValue, boolean newInlineFlags, FlagSpec newFlags) {
    return new Mapping(
        id, country, description, source, files, format, csv, newLayout, wide, constants, newDimensions,
        newValue, newInlineFlags, notAvailable, newFlags, exclude, definitions, footnotes, sdmx, definitionPeriods, microdata, path);
  }

  /** The same mapping with other national definitions (a questionnaire's definitions sheet). */
  public Mapping withDefinitions(Map<String, String> newDefinitions, List<DefinitionPeriod> newPeriods) {
    return new Mapping(
        id, country, description, source, files, format, csv, layout, wide, constants, dimensions,
        value, inlineFlags, notAvailable, flags, exclude, newDefinitions, footnotes, sdmx, newPeriods, microdata, path);
  }

  /** SDMX-CSV options: the structure (dataflow) every row must name, if any. */
  public record Sdmx(String structureId) implements Serializable {}

  /**
   * A national definition that holds for some reference years only (from and to inclusive, either
   * open); it replaces the concept's entry of {@code definitions} in those years.
   */
  public record DefinitionPeriod(String concept, String value, Integer from, Integer to) implements Serializable {
    public boolean covers(int year) {
      return (from == null || year >= from) && (to == null || year <= to);
    }
  }

  /** The same mapping with other national definitions. */
  public Mapping withDefinitions(Map<String, String> other) {
    return new Mapping(
        id, country, description, source, files, format, csv, layout, wide, constants, dimensions,
        value, inlineFlags, notAvailable, flags, exclude, other, footnotes, sdmx, definitionPeriods, microdata, path);
  }


  /** CSV dialect of the national file. */
  public record Csv(
      String delimiter, String quote, String encoding, String decimal, Integer skipLines)
      implements Serializable {
    public Csv {
      delimiter = delimiter == null ? "," : delimiter;
      quote = quote == null ? "\"" : quote;
      encoding = encoding == null ? "UTF-8" : encoding;
      decimal = decimal == null ? "." : decimal;
      skipLines = skipLines == null ? 0 : skipLines;
    }
  }

  /** Value columns of a wide layout and the dimension whose national code each one carries. */
  public record Wide(String columns, String dimension, Map<String, String> codes, Set<String> inexact)
      implements Serializable {
    public Wide {
      TreeSet<String> x = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      Map<String, String> clean = new TreeMap<>();
      if (codes != null) {
        codes.forEach((k, v) -> {
          String code = v == null ? "" : v;
          if (code.endsWith(INEXACT)) {
            x.add(k.trim());
          }
          clean.put(k, strip(code));
        });
      }
      if (inexact != null) {
        x.addAll(inexact);
      }
      codes = NationalCodes.of(clean);
      inexact = x;
    }

    public Wide(String columns, String dimension, Map<String, String> codes) {
      this(columns, dimension, codes, null);
    }
  }

  /**
   * A dimension read from a column, with its national codes (matched trimmed, ignoring case).
   *
   * @param codes national code to common code, for codes valid in every year ({@code null}: the
   *     column holds common codes)
   * @param dated national codes whose common code depends on the reference year
   * @param inexact national codes mapped with the non-exact marker {@code ~} (e.g. a band "0-18"
   *     counted as Y_LT18): such cells get flag d and a footnote
   */
  public record Column(String column, Map<String, String> codes, Map<String, List<DatedCode>> dated, Set<String> inexact)
      implements Serializable {
    public Column {
      codes = codes == null ? null : NationalCodes.of(codes);
      TreeMap<String, List<DatedCode>> d = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (dated != null) {
        dated.forEach((k, v) -> d.put(k.trim(), List.copyOf(v)));
      }
      dated = d;
      TreeSet<String> x = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      if (inexact != null) {
        inexact.forEach(k -> x.add(k.trim()));
      }
      inexact = x;
    }

    public Column(String column, Map<String, String> codes) {
      this(column, codes, null, null);
    }

    /**
     * From the mapping file: each national code maps to a common code (a trailing {@code ~} marks
     * a non-exact mapping) or to a list of {code, from, to, break} valid for some years.
     */
    @JsonCreator
    static Column fromYaml(@JsonProperty("column") String column, @JsonProperty("codes") Map<String, Object> raw) {
      if (raw == null) {
        return new Column(column, null, null, null);
      }
      Map<String, String> plain = new TreeMap<>();
      Map<String, List<DatedCode>> dated = new TreeMap<>();
      Set<String> inexact = new TreeSet<>();
      raw.forEach((national, target) -> {
        if (target instanceof List<?> list) {
          List<DatedCode> periods = new ArrayList<>();
          for (Object o : list) {
            Map<?, ?> e = (Map<?, ?>) o;
            String code = String.valueOf(e.get("code"));
            periods.add(new DatedCode(strip(code), code.endsWith(INEXACT), year(e.get("from")), year(e.get("to")), Boolean.TRUE.equals(e.get("break"))));
          }
          dated.put(national, periods);
        } else {
          String code = target == null ? "" : target.toString();
          plain.put(national, strip(code));
          if (code.endsWith(INEXACT)) {
            inexact.add(national);
          }
        }
      });
      return new Column(column, plain, dated, inexact);
    }

    private static Integer year(Object o) {
      return o == null ? null : Integer.valueOf(o.toString().trim());
    }

    /**
     * The common code of a national code in a year: a dated entry whose period covers the year,
     * else the code valid in every year; null if none (or if the year is not known yet).
     */
    public Resolved resolve(String national, Integer year) {
      List<DatedCode> periods = dated.get(national.trim());
      if (periods != null) {
        for (DatedCode p : periods) {
          if (year != null && p.covers(year)) {
            return new Resolved(p.code(), p.inexact(), p.breakInSeries() && p.from() != null && p.from().equals(year));
          }
        }
        return null;
      }
      String code = codes == null ? null : codes.get(national.trim());
      return code == null ? null : new Resolved(code, inexact.contains(national.trim()), false);
    }

    /** Every national code with a common code, in some year or in all. */
    public Set<String> nationalCodes() {
      TreeSet<String> all = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      if (codes != null) {
        all.addAll(codes.keySet());
      }
      all.addAll(dated.keySet());
      return all;
    }
  }

  /** The marker of a non-exact code mapping, after the common code: {@code "0-18": "Y_LT18~"}. */
  public static final String INEXACT = "~";

  static String strip(String code) {
    return code.endsWith(INEXACT) ? code.substring(0, code.length() - 1).trim() : code;
  }

  /**
   * A common code valid for some reference years (from and to inclusive, either open).
   *
   * @param breakInSeries the national code changes meaning in {@code from}: flag b in that year
   */
  public record DatedCode(String code, boolean inexact, Integer from, Integer to, boolean breakInSeries) implements Serializable {
    public boolean covers(int year) {
      return (from == null || year >= from) && (to == null || year <= to);
    }
  }

  /** A national code resolved for one cell: the common code, whether exact, whether a break. */
  public record Resolved(String code, boolean inexact, boolean breakInSeries) implements Serializable {}

  /**
   * The value column; {@code ratePer} set (e.g. 100000) when the values are rates per that many
   * inhabitants, converted to counts with the population of seeds/population.csv.
   */
  public record ValueColumn(String column, Integer ratePer) implements Serializable {
    public ValueColumn(String column) {
      this(column, null);
    }
  }

  /**
   * Flag columns and national flag token to Eurostat flags ("" none, ":" not available); with
   * {@code letters}, a token of Eurostat flag letters ("p", "bp") not listed in codes is read as those
   * flags (an OBS_FLAG column).
   */
  public record FlagSpec(List<String> columns, Map<String, String> codes, boolean letters) implements Serializable {
    public FlagSpec {
      columns = columns == null ? List.of() : List.copyOf(columns);
      codes = NationalCodes.of(codes);
    }

    public FlagSpec(List<String> columns, Map<String, String> codes) {
      this(columns, codes, false);
    }
  }

  /** Rows the mapping deliberately leaves out: raw column value conditions and the reason. */
  public record Exclusion(Map<String, String> where, String reason) implements Serializable {
    public Exclusion {
      where = Map.copyOf(where);
    }
  }

  /** A footnote on the cells whose common codes match {@code where} (all cells if empty). */
  public record Footnote(String text, Map<String, String> where) implements Serializable {
    public Footnote {
      where = where == null ? Map.of() : Map.copyOf(where);
    }
  }

  /**
   * How case-level records (format microdata) give the dimensions that are not plain coded fields:
   * the reference date (time), age, citizenship, the forms of exploitation, and who identified a
   * victim. Documented in docs/microdata.md.
   *
   * @param records how the records are written: ndjson, json (an array), csv, or auto (by the file
   *     name's extension)
   * @param multiSeparator separator of the values of a multi-select field written as text
   */
  public record Microdata(
      String records,
      String multiSeparator,
      DateField referenceDate,
      Age age,
      Citizenship citizenship,
      Forms forms,
      IdentifiedBy identifiedBy)
      implements Serializable {
    public Microdata {
      records = records == null ? "auto" : records;
      multiSeparator = multiSeparator == null ? ";" : multiSeparator;
    }
  }

  /** A date field and its pattern of yyyy, MM and dd (default yyyy-MM-dd). */
  public record DateField(String field, String format) implements Serializable {
    public DateField {
      format = format == null ? "yyyy-MM-dd" : format;
    }
  }

  /**
   * Age at the reference date, from a birth date or else an age in whole years; values in
   * {@code unknown} mean not known.
   *
   * @param bands breakdowns of the age code list (e.g. B14) whose finer bands are counted too
   */
  public record Age(String birthDate, String birthDateFormat, String age, List<String> unknown, List<String> bands)
      implements Serializable {
    public Age {
      birthDateFormat = birthDateFormat == null ? "yyyy-MM-dd" : birthDateFormat;
      unknown = unknown == null ? List.of("") : List.copyOf(unknown);
      bands = bands == null ? List.of() : List.copyOf(bands);
    }
  }

  /**
   * Citizenship as ISO 3166-1 alpha-2 codes (a multi-select field), with national spellings of
   * codes, and the values that mean stateless or unknown.
   */
  public record Citizenship(String field, Map<String, String> codes, List<String> stateless, List<String> unknown)
      implements Serializable {
    public Citizenship {
      codes = NationalCodes.of(codes);
      stateless = stateless == null ? List.of() : List.copyOf(stateless);
      unknown = unknown == null ? List.of("") : List.copyOf(unknown);
    }
  }

  /** The forms of exploitation: a multi-select field and its national values to exploitation codes. */
  public record Forms(String field, Map<String, String> codes) implements Serializable {
    public Forms {
      codes = NationalCodes.of(codes);
    }
  }

  /**
   * An identified victim counts as identified only if the organisation that decided the status is
   * one of {@code authorities}; otherwise as presumed.
   */
  public record IdentifiedBy(String field, List<String> authorities) implements Serializable {
    public IdentifiedBy {
      authorities = List.copyOf(authorities);
    }
  }

  /** National code lookups: trimmed keys, case-insensitive, original spelling kept for messages. */
  static final class NationalCodes {
    private NationalCodes() {}

    static Map<String, String> of(Map<String, String> codes) {
      TreeMap<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      if (codes != null) {
        codes.forEach((k, v) -> map.put(k.trim(), v == null ? "" : v));
      }
      return map;
    }
  }
}
