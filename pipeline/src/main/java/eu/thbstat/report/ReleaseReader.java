package eu.thbstat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.CommonModel;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a release folder for the report. The folder is the one {@code thbstat run --output DIR}
 * wrote (it holds cube.csv), or a folder of releases with a {@code latest} pointer: a link or
 * folder named latest, or a text file named latest whose first line names the release folder.
 * The public cube ({@code public/cube.csv}, with small counts protected) is read when the release
 * has one, unless the restricted cube is asked for.
 */
public final class ReleaseReader {
  public static final String CUBE = "cube.csv";
  public static final String PUBLIC_CUBE = "public/cube.csv";
  public static final String FOOTNOTES = "footnotes.csv";
  public static final String COVERAGE = "coverage.csv";
  public static final String PUBLIC_COVERAGE = "public/coverage.csv";
  public static final String COMPARABILITY = "comparability.csv";
  public static final String MANIFEST = "manifest.json";
  public static final String LATEST = "latest";

  private final CommonModel model;

  public ReleaseReader(CommonModel model) {
    this.model = model;
  }

  /** The release folder: {@code dir} if it holds cube.csv, else the one its latest pointer names. */
  public static Path resolve(Path dir) {
    if (Files.isRegularFile(dir.resolve(CUBE))) {
      return dir;
    }
    Path latest = dir.resolve(LATEST);
    if (Files.isDirectory(latest) && Files.isRegularFile(latest.resolve(CUBE))) {
      return latest; // a folder or a link to one
    }
    if (Files.isRegularFile(latest)) {
      String name;
      try {
        name = Files.readAllLines(latest, StandardCharsets.UTF_8).stream().map(String::trim)
            .filter(s -> !s.isEmpty()).findFirst().orElse("");
      } catch (IOException e) {
        throw new ReportException(latest + ": cannot be read: " + e.getMessage());
      }
      Path target = dir.resolve(name).normalize();
      if (name.isEmpty() || !target.startsWith(dir.normalize()) || !Files.isRegularFile(target.resolve(CUBE))) {
        throw new ReportException(latest + ":1: \"" + name + "\" does not name a release folder (with " + CUBE + ") inside " + dir);
      }
      return target;
    }
    throw new ReportException(dir + ": not a release: it holds no " + CUBE + " and no " + LATEST + " pointer to a release folder");
  }

  /** Reads the release in {@code dir} (resolved by {@link #resolve}); the public cube unless {@code restricted}. */
  public ReleaseData read(Path dir, boolean restricted) {
    Path folder = resolve(dir.toAbsolutePath().normalize());
    String cubeFile = !restricted && Files.isRegularFile(folder.resolve(PUBLIC_CUBE)) ? PUBLIC_CUBE : CUBE;
    Map<CellKey, Observation> cells = cube(folder, cubeFile);
    Map<String, ReleaseData.Footnote> footnotes = footnotes(folder);
    String coverageFile = cubeFile.equals(PUBLIC_CUBE) && Files.isRegularFile(folder.resolve(PUBLIC_COVERAGE)) ? PUBLIC_COVERAGE : COVERAGE;
    Map<CellKey, ReleaseData.Coverage> coverage = Files.isRegularFile(folder.resolve(coverageFile)) ? coverage(folder, coverageFile) : Map.of();
    List<ReleaseData.Grade> grades = Files.isRegularFile(folder.resolve(COMPARABILITY)) ? grades(folder) : List.of();
    return new ReleaseData(folder, cubeFile, cells, footnotes, coverage, grades, mappings(folder));
  }

  private static String text(Path folder, String file) {
    try {
      return Files.readString(folder.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReportException(folder.resolve(file) + ": cannot be read: " + e.getMessage());
    }
  }

  private static List<CSVRecord> csv(Path folder, String file, List<String> required) {
    List<CSVRecord> records;
    Map<String, Integer> header;
    try (Reader r = new StringReader(text(folder, file))) {
      var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r);
      header = parser.getHeaderMap();
      records = parser.getRecords();
    } catch (IOException | RuntimeException e) {
      throw new ReportException(folder.resolve(file) + ": not valid CSV: " + e.getMessage());
    }
    for (String column : required) {
      if (!header.containsKey(column)) {
        throw new ReportException(folder.resolve(file) + ":1: column \"" + column + "\" is missing (found " + header.keySet() + ")");
      }
    }
    return records;
  }

  private static long line(CSVRecord r) {
    return r.getRecordNumber() + 1;
  }

  private Map<CellKey, Observation> cube(Path folder, String file) {
    List<String> dims = model.dimensionIds();
    List<String> required = new ArrayList<>(dims);
    required.addAll(List.of("obs_value", "obs_flag", "footnotes"));
    Map<CellKey, Observation> cells = new HashMap<>();
    for (CSVRecord r : csv(folder, file, required)) {
      String where = folder.resolve(file) + ":" + line(r);
      List<String> codes = new ArrayList<>();
      dims.forEach(d -> codes.add(r.get(d)));
      CellKey key = new CellKey(codes);
      String raw = r.get("obs_value").trim();
      Double value;
      if (raw.equals(":") || raw.isEmpty()) {
        value = null;
      } else {
        try {
          value = Double.valueOf(raw);
        } catch (NumberFormatException e) {
          throw new ReportException(where + ": obs_value \"" + raw + "\" is neither a number nor ':'");
        }
      }
      String flags;
      try {
        flags = eu.thbstat.model.Flags.normalise(r.get("obs_flag"));
      } catch (IllegalArgumentException e) {
        throw new ReportException(where + ": obs_flag: " + e.getMessage());
      }
      List<String> notes = Arrays.stream(r.get("footnotes").split(" ")).filter(s -> !s.isEmpty()).toList();
      Origin origin = Origin.REPORTED;
      if (r.isMapped("origin")) {
        try {
          origin = Origin.valueOf(r.get("origin").trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          origin = Origin.COMPUTED; // an origin this version does not know: still a cell of the cube
        }
      }
      Observation o = new Observation(key, value, flags, notes, origin, file, line(r));
      if (cells.put(key, o) != null) {
        throw new ReportException(where + ": the cell " + key + " is in the cube twice");
      }
    }
    return cells;
  }

  private static Map<String, ReleaseData.Footnote> footnotes(Path folder) {
    Map<String, ReleaseData.Footnote> notes = new TreeMap<>();
    if (!Files.isRegularFile(folder.resolve(FOOTNOTES))) {
      return notes;
    }
    for (CSVRecord r : csv(folder, FOOTNOTES, List.of("id", "text"))) {
      notes.put(r.get("id"), new ReleaseData.Footnote(r.get("id"), r.isMapped("country") ? r.get("country") : "", unsafe(r.get("text"))));
    }
    return notes;
  }

  /** Text as written by the release's CSV writer, without the apostrophe that defuses formulas. */
  private static String unsafe(String text) {
    return text.length() > 1 && text.charAt(0) == '\'' && "=+-@\t\r".indexOf(text.charAt(1)) >= 0 ? text.substring(1) : text;
  }

  /**
   * coverage.csv (written by the EU aggregation): one row per EU aggregate cell, its key in the
   * dimension columns, the reporting Member States (space-separated, column countries), the
   * members of the aggregate (n_members), their population share (population_share, 0 to 1) and
   * whether the aggregate is published (published: true or false).
   */
  private Map<CellKey, ReleaseData.Coverage> coverage(Path folder, String file) {
    List<String> dims = model.dimensionIds();
    Map<CellKey, ReleaseData.Coverage> coverage = new HashMap<>();
    List<CSVRecord> records = csv(folder, file, dims);
    for (CSVRecord r : records) {
      String where = folder.resolve(file) + ":" + line(r);
      List<String> codes = new ArrayList<>();
      dims.forEach(d -> codes.add(r.get(d)));
      List<String> countries = new ArrayList<>(new TreeSet<>(Arrays.stream(first(r, "countries", "reporting").split("[ ;,]+"))
          .filter(s -> !s.isEmpty()).toList()));
      int members = intOf(where, first(r, "n_members", "members"), -1);
      double share = doubleOf(where, first(r, "population_share", "pop_share"));
      String published = first(r, "published", "status");
      boolean isPublished = published.isEmpty() || published.equalsIgnoreCase("true") || published.equalsIgnoreCase("yes")
          || published.equalsIgnoreCase("published");
      coverage.put(new CellKey(codes), new ReleaseData.Coverage(countries, members, share, isPublished));
    }
    return coverage;
  }

  private static String first(CSVRecord r, String... columns) {
    for (String c : columns) {
      if (r.isMapped(c)) {
        return r.get(c).trim();
      }
    }
    return "";
  }

  private static int intOf(String where, String s, int dflt) {
    if (s.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new ReportException(where + ": \"" + s + "\" is not a whole number");
    }
  }

  private static double doubleOf(String where, String s) {
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1) : s) / (s.endsWith("%") ? 100 : 1);
    } catch (NumberFormatException e) {
      throw new ReportException(where + ": \"" + s + "\" is not a number");
    }
  }

  /**
   * comparability.csv (written by the validation): geo (or country), time (or year), table, grade,
   * grade_label, cells_given, and the reasons as text (explanation, else reasons).
   */
  private static List<ReleaseData.Grade> grades(Path folder) {
    List<ReleaseData.Grade> grades = new ArrayList<>();
    for (CSVRecord r : csv(folder, COMPARABILITY, List.of())) {
      String country = first(r, "geo", "country");
      String grade = first(r, "grade");
      if (country.isEmpty() || grade.isEmpty()) {
        throw new ReportException(folder.resolve(COMPARABILITY) + ":" + line(r) + ": a grade needs a country and a grade");
      }
      String given = first(r, "cells_given");
      grades.add(new ReleaseData.Grade(country, first(r, "table"), first(r, "time", "year"), grade, first(r, "grade_label"),
          given.matches("\\d+") ? Long.parseLong(given) : -1, reasons(first(r, "reasons", "reason"), unsafe(first(r, "explanation")))));
    }
    return grades;
  }

  /**
   * The reasons of a grade: ids (space-separated) paired with the texts of the explanation
   * ("; "-separated) when they are as many; else the texts without ids, or the ids as texts.
   */
  static List<ReleaseData.Reason> reasons(String ids, String explanation) {
    List<String> idList = Arrays.stream(ids.split("\\s+")).filter(s -> !s.isEmpty()).toList();
    List<String> texts = Arrays.stream(explanation.split("; ")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    List<ReleaseData.Reason> out = new ArrayList<>();
    if (texts.isEmpty()) {
      idList.forEach(id -> out.add(new ReleaseData.Reason(id, id)));
    } else {
      for (int i = 0; i < texts.size(); i++) {
        out.add(new ReleaseData.Reason(idList.size() == texts.size() ? idList.get(i) : "", texts.get(i)));
      }
    }
    return out;
  }

  /** The mapping ids the manifest names for each country's files, sorted. */
  private static Map<String, List<String>> mappings(Path folder) {
    Map<String, TreeSet<String>> byCountry = new TreeMap<>();
    if (Files.isRegularFile(folder.resolve(MANIFEST))) {
      try {
        JsonNode manifest = new ObjectMapper().readTree(text(folder, MANIFEST));
        for (JsonNode f : manifest.path("files")) {
          String country = f.path("country").asText("");
          String mapping = f.path("mapping").asText("");
          if (!country.isEmpty() && !mapping.isEmpty()) {
            byCountry.computeIfAbsent(country, c -> new TreeSet<>()).add(mapping);
          }
        }
      } catch (IOException e) {
        throw new ReportException(folder.resolve(MANIFEST) + ": not valid JSON: " + e.getMessage());
      }
    }
    Map<String, List<String>> out = new TreeMap<>();
    byCountry.forEach((c, m) -> out.put(c, List.copyOf(m)));
    return out;
  }
}
