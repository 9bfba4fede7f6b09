package eu.thbstat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the benchmark's count needs from a thbstat home, read independently of thbstat's code (Jackson
 * YAML, Commons CSV): the mapping's fields and code maps, the tables of schemas/tables.yaml, the code
 * lists' hierarchies, the model's years and the seeds (geo codes, ISO 3166 codes, the EU's members by
 * year). Shared by the hand loop and the DuckDB job, which turns these maps into SQL tables.
 *
 * <p>Written for case-level CSV mappings like mappings/EU-htcds-cases-synthetic.yaml: anything such
 * a mapping may hold that this job does not implement (constants for age, citizen or exploitation,
 * another date pattern, JSON records) stops it with a message rather than giving a different count.
 */
final class Reference {
  /** Dimensions of the cube, in key order (schemas/dimensions.yaml without the unit, always NR here). */
  static final List<String> DIMS = List.of("geo", "time", "leg_stat", "victim_status", "sex", "age", "citizen", "exploitation");

  /** A table of schemas/tables.yaml: fixed codes and the codes it crosses. */
  record Table(String id, Map<String, String> fixed, Map<String, List<String>> breakdowns) {}

  /** A record field whose values map to codes (trimmed, compared ignoring case). */
  record Coded(String field, Map<String, String> codes) {
    String code(String raw) {
      return codes.get(raw.trim().toLowerCase(Locale.ROOT));
    }
  }

  /** A band of whole years of the age code list: from (inclusive) to (exclusive; 121 for "and over"). */
  record Band(String code, int from, int to) {}

  record EuAggregate(String code, int first, int last) {}

  /** The oldest age a record may give is OPEN - 1 (thbstat's age limit, docs/microdata.md). */
  static final int OPEN = 121;

  final Path home;
  final String mappingId;
  final List<PathMatcher> filePatterns = new ArrayList<>();
  final char delimiter;
  final char quote;
  final Charset encoding;
  final int skipLines;
  final char separator;

  final String geoField;
  final Coded leg;
  final Coded victimStatus;
  final Coded sex;
  final String dateField;
  final String birthField;
  final String ageField;
  final Set<String> ageUnknown = new HashSet<>();
  final List<String> ageBreakdowns = new ArrayList<>();
  final String citizenshipField;
  final Map<String, String> citizenshipCodes = new HashMap<>();
  final Set<String> stateless = new HashSet<>();
  final Set<String> citizenshipUnknown = new HashSet<>();
  final Coded forms;
  final String decidedByField;
  final Set<String> authorities = new HashSet<>();
  /** Exclusions: field -> value (trimmed; a record matching every pair of one map is left out). */
  final List<Map<String, String>> exclusions = new ArrayList<>();

  final int firstYear;
  final int lastYear;
  final List<Table> tables = new ArrayList<>();
  /** Per dimension: code -> parent, and the total code. */
  final Map<String, Map<String, String>> parents = new HashMap<>();
  final Map<String, String> totals = new HashMap<>();
  /** Age codes that are bands of years: the main classes and the bands of the mapping's breakdowns. */
  final List<Band> ageBands = new ArrayList<>();

  /** seeds/geo.csv: geo code -> ISO code (may be empty) and kind. */
  final Map<String, String> isoOfGeo = new TreeMap<>();
  final Map<String, String> kindOfGeo = new HashMap<>();
  final Set<String> isoCodes = new HashSet<>();
  final List<EuAggregate> aggregates = new ArrayList<>();
  final Map<String, Set<String>> members = new HashMap<>();

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  Reference(Path home, Path mappingFile) throws IOException {
    this.home = home;
    JsonNode m = YAML.readTree(mappingFile.toFile());
    mappingId = m.path("id").asText();
    require(m.path("format").asText().equals("microdata"), "format: microdata");
    for (JsonNode p : m.path("files")) {
      filePatterns.add(FileSystems.getDefault().getPathMatcher("glob:" + p.asText()));
    }
    JsonNode csv = m.path("csv");
    delimiter = csv.path("delimiter").asText(",").charAt(0);
    quote = csv.path("quote").asText("\"").charAt(0);
    encoding = Charset.forName(csv.path("encoding").asText("UTF-8"));
    skipLines = csv.path("skip_lines").asInt(0);

    Map<String, String> constants = strings(m.path("constants"));
    require(constants.equals(Map.of("unit", "NR")), "constants: {unit: NR} only (no age, citizen or exploitation constant)");
    JsonNode dims = m.path("dimensions");
    require(dims.path("geo").has("column") && !dims.path("geo").has("codes"), "geo from a field of Eurostat or ISO codes");
    geoField = dims.path("geo").path("column").asText();
    leg = coded(dims.path("leg_stat"));
    victimStatus = coded(dims.path("victim_status"));
    sex = coded(dims.path("sex"));

    JsonNode md = m.path("microdata");
    separator = md.path("multi_separator").asText(";").charAt(0);
    require(md.path("records").asText("auto").matches("auto|csv"), "CSV records");
    dateField = md.path("reference_date").path("field").asText();
    require(md.path("reference_date").path("format").asText("yyyy-MM-dd").equals("yyyy-MM-dd"), "reference dates as yyyy-MM-dd");
    JsonNode age = md.path("age");
    require(!age.isMissingNode(), "an age section");
    birthField = age.path("birth_date").asText(null);
    ageField = age.path("age").asText(null);
    require(age.path("birth_date_format").asText("yyyy-MM-dd").equals("yyyy-MM-dd"), "birth dates as yyyy-MM-dd");
    age.path("unknown").forEach(u -> ageUnknown.add(norm(u.asText())));
    if (!age.has("unknown")) {
      ageUnknown.add("");
    }
    age.path("bands").forEach(b -> ageBreakdowns.add(b.asText()));
    JsonNode cit = md.path("citizenship");
    citizenshipField = cit.path("field").asText();
    strings(cit.path("codes")).forEach((k, v) -> citizenshipCodes.put(norm(k), v));
    cit.path("stateless").forEach(s -> stateless.add(norm(s.asText())));
    cit.path("unknown").forEach(s -> citizenshipUnknown.add(norm(s.asText())));
    if (!cit.has("unknown")) {
      citizenshipUnknown.add("");
    }
    forms = coded(md.path("forms").path("field").asText(), md.path("forms").path("codes"));
    JsonNode by = md.path("identified_by");
    decidedByField = by.isMissingNode() ? null : by.path("field").asText();
    by.path("authorities").forEach(a -> authorities.add(norm(a.asText())));
    for (JsonNode x : m.path("exclude")) {
      Map<String, String> where = new TreeMap<>();
      strings(x.path("where")).forEach((k, v) -> where.put(k, v.trim()));
      exclusions.add(where);
    }

    JsonNode years = YAML.readTree(home.resolve("schemas/dimensions.yaml").toFile()).path("years");
    firstYear = years.path("first").asInt();
    lastYear = years.path("last").asInt();
    for (JsonNode t : YAML.readTree(home.resolve("schemas/tables.yaml").toFile()).path("tables")) {
      Map<String, List<String>> breakdowns = new LinkedHashMap<>();
      t.path("breakdowns").fields().forEachRemaining(e -> {
        List<String> codes = new ArrayList<>();
        e.getValue().forEach(c -> codes.add(c.asText()));
        breakdowns.put(e.getKey(), codes);
      });
      tables.add(new Table(t.path("id").asText(), strings(t.path("fixed")), breakdowns));
    }
    for (String d : List.of("victim_status", "sex", "age", "citizen", "exploitation")) {
      JsonNode list = YAML.readTree(home.resolve("schemas/codelists/" + d + ".yaml").toFile());
      totals.put(d, list.path("total").asText());
      Map<String, String> p = new HashMap<>();
      for (JsonNode c : list.path("codes")) {
        p.put(c.path("code").asText(), c.path("parent").asText(null));
        String breakdown = c.path("breakdown").asText(null);
        if (d.equals("age") && (breakdown == null || ageBreakdowns.contains(breakdown))) {
          Band b = band(c.path("code").asText());
          if (b != null) {
            ageBands.add(b);
          }
        }
      }
      parents.put(d, p);
    }

    for (CSVRecord r : csv(home.resolve("seeds/geo.csv"))) {
      isoOfGeo.put(r.get("geo"), r.get("iso2"));
      kindOfGeo.put(r.get("geo"), r.get("kind"));
    }
    for (CSVRecord r : csv(home.resolve("seeds/iso3166.csv"))) {
      isoCodes.add(r.get("iso2"));
    }
    for (CSVRecord r : csv(home.resolve("seeds/eu-aggregates.csv"))) {
      aggregates.add(new EuAggregate(r.get("aggregate"), Integer.parseInt(r.get("first_year")), Integer.parseInt(r.get("last_year"))));
    }
    for (CSVRecord r : csv(home.resolve("seeds/eu-members.csv"))) {
      members.computeIfAbsent(r.get("aggregate"), k -> new HashSet<>()).add(r.get("geo"));
    }
  }

  /** The home's mapping of that id (mappings/ID.yaml). */
  static Reference load(Path home, String mappingId) throws IOException {
    return new Reference(home, home.resolve("mappings").resolve(mappingId + ".yaml"));
  }

  private void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("the benchmark's count is written for case-level CSV mappings with " + what
          + "; mapping " + mappingId + " differs");
    }
  }

  /** How national values are compared: trimmed, ignoring case (as docs/microdata.md says). */
  static String norm(String s) {
    return s.trim().toLowerCase(Locale.ROOT);
  }

  private static Coded coded(JsonNode column) {
    return column.isMissingNode() ? null : coded(column.path("column").asText(), column.path("codes"));
  }

  private static Coded coded(String field, JsonNode codes) {
    Map<String, String> map = new HashMap<>();
    strings(codes).forEach((k, v) -> map.put(norm(k), v));
    return new Coded(field, map);
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
    return out;
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
    }
  }

  /** The years of an age code from its Eurostat spelling (Y_LT18, Y14-17, Y_GE25), or null (TOTAL, UNK). */
  static Band band(String code) {
    if (code.startsWith("Y_LT")) {
      return new Band(code, 0, Integer.parseInt(code.substring(4)));
    }
    if (code.startsWith("Y_GE")) {
      return new Band(code, Integer.parseInt(code.substring(4)), OPEN);
    }
    int dash = code.indexOf('-');
    if (code.startsWith("Y") && dash > 1) {
      return new Band(code, Integer.parseInt(code.substring(1, dash)), Integer.parseInt(code.substring(dash + 1)) + 1);
    }
    return null;
  }

  // ------------------------------------------------------------------ derived from the above

  /** A code and its parents up to the total: the codes a person with that code counts in. */
  List<String> closure(String dim, String code) {
    return closures.computeIfAbsent(dim + ":" + code, k -> {
      LinkedHashSet<String> out = new LinkedHashSet<>();
      for (String c = code; c != null && out.add(c); ) {
        c = parents.get(dim).get(c);
      }
      out.add(totals.get(dim));
      return List.copyOf(out);
    });
  }

  private final Map<String, List<String>> closures = new HashMap<>();

  /** The age codes a person of that age counts in (null age: unknown). */
  List<String> ageCodes(Integer age) {
    if (age == null) {
      return closure("age", "UNK");
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (Band b : ageBands) {
      if (age >= b.from() && age < b.to()) {
        out.addAll(closure("age", b.code()));
      }
    }
    return List.copyOf(out);
  }

  /** The exploitation codes the mapping's values give (and UNK, for an empty field). */
  List<String> formCodes() {
    Set<String> out = new java.util.TreeSet<>(forms.codes().values());
    out.add("UNK");
    return List.copyOf(out);
  }

  /** The EU aggregate of a reference year (seeds/eu-aggregates.csv): EU28 up to 2019, EU27_2020 after. */
  String euOf(int year) {
    for (EuAggregate a : aggregates) {
      if (year >= a.first() && year <= a.last()) {
        return a.code();
      }
    }
    throw new IllegalArgumentException("no EU aggregate for " + year);
  }

  boolean isEuMember(String geo, int year) {
    return members.getOrDefault(euOf(year), Set.of()).contains(geo);
  }

  /** The geo code of a Eurostat or ISO 3166 code (any case), or null; aggregates are not countries. */
  String country(String raw) {
    String code = raw.trim().toUpperCase(Locale.ROOT);
    String geo = geoOf(code);
    return geo != null && "country".equals(kindOfGeo.get(geo)) ? geo : null;
  }

  /** The geo code of a Eurostat code or an ISO code (GR gives EL, GB gives UK), or null. */
  String geoOf(String code) {
    if (isoOfGeo.containsKey(code)) {
      return code;
    }
    for (Map.Entry<String, String> e : isoOfGeo.entrySet()) {
      if (e.getValue().equals(code)) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The input files the mapping reads: every file below the folder whose name matches its patterns. */
  List<Path> inputFiles(Path input) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(input)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        Path name = f.getFileName();
        String n = name.toString();
        if (n.startsWith(".") || n.startsWith("README") || n.endsWith(".md")) {
          continue;
        }
        if (filePatterns.stream().noneMatch(p -> p.matches(name))) {
          throw new IllegalArgumentException(f + ": not a file of mapping " + mappingId + "; the benchmark's input holds that mapping's files only");
        }
        if (!n.toLowerCase(Locale.ROOT).endsWith(".csv")) {
          throw new IllegalArgumentException(f + ": the benchmark's count reads CSV records only");
        }
        out.add(f);
      }
    }
    return out;
  }
}
