package eu.thbstat.reference;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    Microdata microdata,
    String path)
    implements Serializable {

  public static final List<String> DEFAULT_NOT_AVAILABLE = List.of(".", "NA", "-", ":", "");

  public Mapping {
    files = List.copyOf(files);
    csv = csv == null ? new Csv(null, null, null, null, null) : csv;
    constants = constants == null ? Map.of() : Map.copyOf(constants);
    dimensions = dimensions == null ? Map.of() : Map.copyOf(dimensions);
    notAvailable = notAvailable == null ? DEFAULT_NOT_AVAILABLE : List.copyOf(notAvailable);
    flags = flags == null ? new FlagSpec(List.of(), Map.of()) : flags;
    exclude = exclude == null ? List.of() : List.copyOf(exclude);
    definitions = definitions == null ? Map.of() : Map.copyOf(definitions);
    footnotes = footnotes == null ? List.of() : List.copyOf(footnotes);
  }

  public boolean isWide() {
    return "wide".equals(layout);
  }

  public Mapping withPath(String mappingPath) {
    return new Mapping(
        id, country, description, source, files, format, csv, layout, wide, constants, dimensions,
        value, inlineFlags, notAvailable, flags, exclude, definitions, footnotes, microdata, mappingPath);
  }

  /** Whether the mapping reads case-level records (format microdata) rather than cells. */
  public boolean isMicrodata() {
    return "microdata".equals(format);
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
  public record Wide(String columns, String dimension, Map<String, String> codes)
      implements Serializable {
    public Wide {
      codes = NationalCodes.of(codes);
    }
  }

  /** A dimension read from a column, with its national codes (matched trimmed, ignoring case). */
  public record Column(String column, Map<String, String> codes) implements Serializable {
    public Column {
      codes = codes == null ? null : NationalCodes.of(codes);
    }
  }

  public record ValueColumn(String column) implements Serializable {}

  /** Flag columns and national flag token to Eurostat flags ("" none, ":" not available). */
  public record FlagSpec(List<String> columns, Map<String, String> codes) implements Serializable {
    public FlagSpec {
      columns = columns == null ? List.of() : List.copyOf(columns);
      codes = NationalCodes.of(codes);
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
