package eu.thbstat.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Severity;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads and cross-checks the data folders (schemas/, seeds/, mappings/) of a thbstat home. The one
 * entry point for reference data: a broken file fails here, before any submission is read, with
 * every problem named by file, line and field.
 */
public final class ReferenceDataLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Path home;
  private final Map<String, String> hashes = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();

  private ReferenceDataLoader(Path home) {
    this.home = home;
  }

  /** Loads the reference data under {@code home}, or throws listing every problem found. */
  public static ReferenceData load(Path home) {
    return new ReferenceDataLoader(home.toAbsolutePath().normalize()).loadAll();
  }

  /** Checks every mapping file; returns the problems ("file:line: field: reason"), empty if none. */
  public static List<String> checkMappings(Path home) {
    ReferenceDataLoader loader = new ReferenceDataLoader(home.toAbsolutePath().normalize());
    try {
      loader.loadAll();
    } catch (ReferenceDataException e) {
      return List.copyOf(loader.problems.isEmpty() ? List.of(e.getMessage()) : loader.problems);
    }
    return List.of();
  }

  private ReferenceData loadAll() {
    Seeds seeds = loadSeeds();
    CommonModel model = loadModel(seeds);
    Definitions definitions = loadDefinitions();
    RuleCatalogue rules = loadRules(model, definitions);
    checkFlags();
    Formats formats = loadFormats(model);
    List<Mapping> mappings = loadMappings(model, seeds, definitions, formats);
    List<Table> tables = loadTables(model);
    AggregationSettings aggregation = loadAggregation();
    ProtectionSettings protection = loadProtection();
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(
          home.toString(),
          problems.size() + " problem(s) in the reference data:\n  " + String.join("\n  ", problems));
    }
    return new ReferenceData(model, rules, definitions, seeds, mappings, tables, formats, hashes, aggregation, protection);
  }

  // ---------------------------------------------------------------- files

  private String read(String relative) {
    Path file = home.resolve(relative);
    try {
      byte[] bytes = Files.readAllBytes(file);
      hashes.put(relative, sha256(bytes));
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReferenceDataException(
          relative, "cannot be read (" + e + "); is " + home + " a thbstat home?", e);
    }
  }

  private JsonNode yaml(String relative) {
    try {
      return YAML.readTree(read(relative));
    } catch (IOException e) {
      throw new ReferenceDataException(relative, "not valid YAML: " + e.getMessage(), e);
    }
  }

  private List<CSVRecord> csv(String relative) {
    try (Reader r = new StringReader(read(relative))) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new ReferenceDataException(relative, "not valid CSV: " + e.getMessage(), e);
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static String required(JsonNode node, String field, String file) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      throw new ReferenceDataException(file, "missing \"" + field + "\" in " + node);
    }
    return v;
  }

  // ---------------------------------------------------------------- seeds

  private Seeds loadSeeds() {
    Map<String, String> iso = new LinkedHashMap<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (CSVRecord r : csv("seeds/geo.csv")) {
      labels.put(r.get("geo"), r.get("label"));
      if (!r.get("iso2").isEmpty()) {
        iso.put(r.get("geo"), r.get("iso2"));
      }
    }
    List<Seeds.EuAggregate> aggregates = new ArrayList<>();
    for (CSVRecord r : csv("seeds/eu-aggregates.csv")) {
      aggregates.add(
          new Seeds.EuAggregate(
              r.get("aggregate"),
              intOf(r.get("first_year"), "seeds/eu-aggregates.csv", r),
              intOf(r.get("last_year"), "seeds/eu-aggregates.csv", r),
              r.get("label")));
    }
    Map<String, Set<String>> members = new HashMap<>();
    for (CSVRecord r : csv("seeds/eu-members.csv")) {
      if (!labels.containsKey(r.get("geo"))) {
        problems.add("seeds/eu-members.csv:" + (r.getRecordNumber() + 1) + ": geo " + r.get("geo") + " is not in seeds/geo.csv");
      }
      members.computeIfAbsent(r.get("aggregate"), a -> new HashSet<>()).add(r.get("geo"));
    }
    members.replaceAll((k, v) -> Set.copyOf(v));
    Map<String, Long> population = new HashMap<>();
    Map<String, String> source = new HashMap<>();
    for (CSVRecord r : csv("seeds/population.csv")) {
      if (r.get("population").isBlank()) {
        continue; // no figure found: rates for that year are not computed, and say so
      }
      String key = Seeds.key(r.get("geo"), intOf(r.get("year"), "seeds/population.csv", r));
      try {
        population.put(key, Long.parseLong(r.get("population")));
      } catch (NumberFormatException e) {
        problems.add("seeds/population.csv:" + (r.getRecordNumber() + 1) + ": population \"" + r.get("population") + "\" is not a whole number");
      }
      source.put(key, r.get("source"));
    }
    Map<String, String> flags = new HashMap<>();
    for (CSVRecord r : csv("seeds/population_flags.csv")) {
      flags.put(Seeds.key(r.get("geo"), intOf(r.get("year"), "seeds/population_flags.csv", r)), r.get("eurostat_flag"));
    }
    Map<String, String> isoCountries = new LinkedHashMap<>();
    for (CSVRecord r : csv("seeds/iso3166.csv")) {
      if (!r.get("iso2").matches("[A-Z]{2}")) {
        problems.add("seeds/iso3166.csv:" + (r.getRecordNumber() + 1) + ": \"" + r.get("iso2") + "\" is not two capital letters");
      }
      isoCountries.put(r.get("iso2"), r.get("label"));
    }
    return new Seeds(iso, labels, aggregates, members, population, source, flags, isoCountries);
  }

  private int intOf(String s, String file, CSVRecord r) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new ReferenceDataException(file, "line " + (r.getRecordNumber() + 1) + ": \"" + s + "\" is not a whole number");
    }
  }

  // ---------------------------------------------------------------- common model

  private CommonModel loadModel(Seeds seeds) {
    String file = "schemas/dimensions.yaml";
    JsonNode root = yaml(file);
    List<Dimension> dimensions = new ArrayList<>();
    int index = 0;
    for (JsonNode d : root.path("dimensions")) {
      String id = required(d, "id", file);
      String codelist = required(d, "codelist", file);
      boolean additive = d.path("additive").asBoolean(false);
      List<Code> codes = new ArrayList<>();
      String total = null;
      if (codelist.equals("seeds/geo.csv")) {
        seeds.geoLabels().forEach((code, label) -> codes.add(new Code(code, label, null, null, null)));
      } else if (!codelist.equals("years")) {
        String listFile = "schemas/" + codelist;
        JsonNode list = yaml(listFile);
        total = text(list, "total");
        for (JsonNode c : list.path("codes")) {
          codes.add(
              new Code(
                  required(c, "code", listFile),
                  required(c, "label", listFile),
                  text(c, "parent"),
                  text(c, "breakdown"),
                  c.has("decimals") ? c.get("decimals").asInt() : null));
        }
        Set<String> known = new HashSet<>();
        codes.forEach(c -> known.add(c.code()));
        for (Code c : codes) {
          if (c.parent() != null && !known.contains(c.parent())) {
            problems.add(listFile + ": parent " + c.parent() + " of " + c.code() + " is not a code of the list");
          }
        }
        if (total != null && !known.contains(total)) {
          problems.add(listFile + ": total " + total + " is not a code of the list");
        }
      }
      boolean splits = d.path("splits_population").asBoolean(false);
      if (splits && total == null) {
        problems.add(file + ": dimension " + id + " splits the population but its code list has no total");
      }
      dimensions.add(new Dimension(id, text(d, "label"), index++, additive, splits, total, codes));
    }
    for (String required : List.of(Dimension.GEO, Dimension.TIME, Dimension.UNIT)) {
      if (dimensions.stream().noneMatch(d -> d.id().equals(required))) {
        problems.add(file + ": the model needs a dimension \"" + required + "\"");
      }
    }
    int first = root.path("years").path("first").asInt(2008);
    int last = root.path("years").path("last").asInt(2030);
    return new CommonModel(dimensions, first, last, CommonModel.hierarchiesOf(dimensions));
  }

  private RuleCatalogue loadRules(CommonModel model, Definitions definitions) {
    Map<String, RuleDef> rules = new LinkedHashMap<>();
    addRules("schemas/rules.yaml", yaml("schemas/rules.yaml"), rules);
    // schemas/rules/*.yaml: more rules (levels 2-4) with their typed definitions, read in name order
    RuleSetLoader sets = new RuleSetLoader(model, definitions, problems);
    Path folder = home.resolve("schemas/rules");
    if (Files.isDirectory(folder)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
      } catch (IOException e) {
        throw new ReferenceDataException("schemas/rules", "cannot be listed: " + e, e);
      }
      for (Path p : files) {
        String relative = home.relativize(p).toString().replace('\\', '/');
        JsonNode root = yaml(relative);
        addRules(relative, root, rules);
        sets.add(relative, root);
      }
    }
    return new RuleCatalogue(rules, sets.build(rules));
  }

  private void addRules(String file, JsonNode root, Map<String, RuleDef> rules) {
    for (JsonNode r : root.path("rules")) {
      String id = required(r, "id", file);
      Severity severity;
      try {
        severity = Severity.valueOf(required(r, "severity", file));
      } catch (IllegalArgumentException e) {
        throw new ReferenceDataException(file, "rule " + id + ": severity must be ERROR, WARNING or INFO");
      }
      if (rules.put(id, new RuleDef(id, r.path("level").asInt(), severity, required(r, "message", file), required(r, "hint", file))) != null) {
        problems.add(file + ": rule id " + id + " is given twice");
      }
    }
  }

  private Definitions loadDefinitions() {
    String file = "schemas/definitions.yaml";
    Map<String, Definitions.Concept> concepts = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = yaml(file).path("concepts").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> c = it.next();
      Map<String, Definitions.Value> values = new LinkedHashMap<>();
      c.getValue().path("values").fields().forEachRemaining(
          v -> values.put(v.getKey(), new Definitions.Value(v.getKey(), text(v.getValue(), "label"), text(v.getValue(), "footnote"), text(v.getValue(), "flag"))));
      values.values().stream().filter(v -> v.flag() != null && !v.flag().matches("[" + Flags.ALL + "]+")).forEach(v ->
          problems.add(file + ": " + c.getKey() + "/" + v.id() + ": flag \"" + v.flag() + "\" is not a Eurostat observation flag (" + Flags.ALL + ")"));
      String standard = required(c.getValue(), "standard", file);
      if (!values.containsKey(standard)) {
        problems.add(file + ": standard " + standard + " of " + c.getKey() + " is not one of its values");
      }
      concepts.put(c.getKey(), new Definitions.Concept(c.getKey(), text(c.getValue(), "label"), standard, values));
    }
    return new Definitions(concepts);
  }

  private List<Table> loadTables(CommonModel model) {
    String file = "schemas/tables.yaml";
    List<Table> tables = new ArrayList<>();
    for (JsonNode t : yaml(file).path("tables")) {
      String id = required(t, "id", file);
      Map<String, String> fixed = new LinkedHashMap<>();
      t.path("fixed").fields().forEachRemaining(f -> fixed.put(f.getKey(), f.getValue().asText()));
      Map<String, List<String>> breakdowns = new LinkedHashMap<>();
      t.path("breakdowns").fields().forEachRemaining(b -> {
        List<String> codes = new ArrayList<>();
        b.getValue().forEach(c -> codes.add(c.asText()));
        breakdowns.put(b.getKey(), codes);
      });
      Map<String, List<String>> used = new LinkedHashMap<>(breakdowns);
      fixed.forEach((d, c) -> used.put(d, List.of(c)));
      used.forEach((d, codes) -> {
        if (!model.hasDimension(d) || d.equals(Dimension.GEO) || d.equals(Dimension.TIME)) {
          problems.add(file + ": table " + id + ": " + d + " is not a dimension a table can fix or break down");
        } else {
          codes.stream().filter(c -> !model.dimension(d).contains(c))
              .forEach(c -> problems.add(file + ": table " + id + ": " + c + " is not a code of " + d));
        }
      });
      for (Dimension d : model.dimensions()) {
        boolean placed = d.id().equals(Dimension.GEO) || d.id().equals(Dimension.TIME) || d.id().equals(Dimension.UNIT)
            || d.total() != null || used.containsKey(d.id());
        if (!placed) {
          problems.add(file + ": table " + id + ": " + d.id() + " has no total, so the table must fix it or break it down");
        }
      }
      tables.add(new Table(id, required(t, "label", file), fixed, breakdowns));
    }
    return tables;
  }

  private AggregationSettings loadAggregation() {
    String file = "schemas/aggregation.yaml";
    JsonNode root = yaml(file);
    double share = fraction(root.path("coverage").path("min_population_share"), 0.5, file, "coverage.min_population_share");
    int countries = root.path("coverage").path("min_countries").asInt(1);
    AggregationSettings.FlagMethod method = AggregationSettings.FlagMethod.WEIGHTED;
    String methodName = root.path("flags").path("method").asText("weighted");
    try {
      method = AggregationSettings.FlagMethod.valueOf(methodName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(file + ": flags.method \"" + methodName + "\" is not hierarchy, frequency or weighted");
    }
    String hierarchy = root.path("flags").path("hierarchy").asText("bdfespnu");
    String ignored = root.path("flags").path("ignored").asText("c");
    for (String flags : List.of(hierarchy, ignored)) {
      try {
        Flags.normalise(flags);
      } catch (IllegalArgumentException e) {
        problems.add(file + ": " + e.getMessage());
      }
    }
    double threshold = fraction(root.path("flags").path("threshold"), 0.5, file, "flags.threshold");
    List<String> unknown = new ArrayList<>();
    root.path("shares").path("unknown_codes").forEach(c -> unknown.add(c.asText()));
    boolean estimation = root.path("estimation").path("enabled").asBoolean(false);
    int yearsBack = root.path("estimation").path("max_years_back").asInt(3);
    if (countries < 1 || yearsBack < 1) {
      problems.add(file + ": coverage.min_countries and estimation.max_years_back must be at least 1");
    }
    return new AggregationSettings(share, countries, method, hierarchy, threshold, ignored, unknown, estimation, yearsBack);
  }

  private double fraction(JsonNode node, double otherwise, String file, String field) {
    double v = node.isMissingNode() ? otherwise : node.asDouble(-1);
    if (!(v >= 0 && v <= 1)) {
      problems.add(file + ": " + field + " must be a number from 0 to 1, found " + node);
    }
    return v;
  }

  private ProtectionSettings loadProtection() {
    String file = "schemas/protection.yaml";
    JsonNode root = yaml(file);
    int minCount = root.path("primary").path("min_count").asInt(3);
    if (minCount < 1) {
      problems.add(file + ": primary.min_count must be at least 1 (1: no primary suppression)");
    }
    String checkName = root.path("secondary").path("check").asText("linear");
    ProtectionSettings.Check check = ProtectionSettings.Check.LINEAR;
    try {
      check = ProtectionSettings.Check.valueOf(checkName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(file + ": secondary.check \"" + checkName + "\" is not single_equation or linear");
    }
    return new ProtectionSettings(minCount, root.path("primary").path("input_confidential").asBoolean(true), check,
        root.path("secondary").path("avoid_zeros").asBoolean(true));
  }

  private Formats loadFormats(CommonModel model) {
    String file = "schemas/formats.yaml";
    JsonNode root = yaml(file);
    JsonNode s = root.path("sdmx");
    Map<String, String> columns = new LinkedHashMap<>();
    s.path("columns").fields().forEachRemaining(c -> columns.put(c.getKey(), c.getValue().asText()));
    columns.keySet().stream().filter(d -> !model.hasDimension(d))
        .forEach(d -> problems.add(file + ": sdmx.columns: " + d + " is not a dimension"));
    Map<String, String> status = new LinkedHashMap<>();
    s.path("obs_status").fields().forEachRemaining(c -> {
      String flags = c.getValue().asText();
      if (!flags.equals(":") && !flags.equals(Flags.normalise(flags.replaceAll("[^" + Flags.ALL + "]", "")))) {
        problems.add(file + ": sdmx.obs_status." + c.getKey() + ": \"" + flags + "\" is not a set of Eurostat flags or \":\"");
      }
      status.put(c.getKey(), flags);
    });
    Formats.Sdmx sdmx = new Formats.Sdmx(required(s, "structure", file), required(s, "structure_id", file),
        required(s, "action", file), required(s, "freq", file), columns, status);
    JsonNode x = root.path("xlsx");
    for (String limit : List.of("max_file_bytes", "max_entry_bytes", "min_inflate_ratio", "max_text_chars", "max_sheets", "max_rows", "max_columns")) {
      if (!x.path(limit).isNumber() || x.path(limit).asDouble() <= 0) {
        problems.add(file + ": xlsx." + limit + " must be a positive number");
      }
    }
    Formats.Xlsx xlsx = new Formats.Xlsx(x.path("max_file_bytes").asLong(), x.path("max_entry_bytes").asLong(),
        x.path("min_inflate_ratio").asDouble(), x.path("max_text_chars").asLong(), x.path("max_sheets").asInt(),
        x.path("max_rows").asInt(), x.path("max_columns").asInt());
    return new Formats(sdmx, xlsx);
  }

  private void checkFlags() {
    StringBuilder declared = new StringBuilder();
    yaml("schemas/flags.yaml").path("flags").forEach(f -> declared.append(f.path("flag").asText()));
    if (!Flags.normalise(declared.toString()).equals(Flags.ALL) || declared.length() != Flags.ALL.length()) {
      problems.add("schemas/flags.yaml: the flags must be exactly Eurostat's " + Flags.ALL + ", found " + declared);
    }
  }

  // ---------------------------------------------------------------- mappings

  private List<Mapping> loadMappings(CommonModel model, Seeds seeds, Definitions definitions, Formats formats) {
    JsonSchema schema = mappingSchema();
    List<Path> files;
    try (Stream<Path> s = Files.list(home.resolve("mappings"))) {
      files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
    } catch (IOException e) {
      throw new ReferenceDataException("mappings", "cannot be listed: " + e, e);
    }
    List<Mapping> mappings = new ArrayList<>();
    Map<String, String> ids = new HashMap<>();
    for (Path p : files) {
      String relative = home.relativize(p).toString().replace('\\', '/');
      Mapping m = loadMapping(relative, schema, model, seeds, definitions, formats);
      if (m != null) {
        String earlier = ids.put(m.id(), relative);
        if (earlier != null) {
          problems.add(relative + ": id " + m.id() + " is already used by " + earlier);
        }
        mappings.add(m);
      }
    }
    mappings.sort((a, b) -> a.id().compareTo(b.id()));
    return mappings;
  }

  private JsonSchema mappingSchema() {
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(read("schemas/mapping.schema.json"), com.networknt.schema.InputFormat.JSON, config);
  }

  private Mapping loadMapping(String file, JsonSchema schema, CommonModel model, Seeds seeds, Definitions definitions, Formats formats) {
    String text = read(file);
    YamlLocations lines = YamlLocations.of(text);
    problems.addAll(MappingLint.check(file, text));
    JsonNode node;
    try {
      node = YAML.readTree(text);
    } catch (IOException e) {
      problems.add(file + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
    List<ValidationMessage> errors = new ArrayList<>(schema.validate(node));
    if (!errors.isEmpty()) {
      errors.sort((a, b) -> a.getInstanceLocation().toString().compareTo(b.getInstanceLocation().toString()));
      for (ValidationMessage e : errors) {
        String pointer = e.getInstanceLocation().toString();
        problems.add(file + ":" + lines.line(pointer) + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + e.getError());
      }
      return null;
    }
    Mapping m;
    try {
      m = MappingDefaults.apply(YAML.treeToValue(node, Mapping.class).withPath(file), model, formats);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      problems.add(file + ": " + e.getOriginalMessage());
      return null;
    }
    new MappingChecker(file, lines, model, seeds, definitions, problems).check(m);
    return m;
  }

  /** The checks of a mapping that JSON Schema cannot express: codes, dimensions, patterns. */
  private record MappingChecker(
      String file, YamlLocations lines, CommonModel model, Seeds seeds, Definitions definitions, List<String> problems) {

    void problem(String pointer, String reason) {
      problems.add(file + ":" + lines.line(pointer) + ": " + pointer + ": " + reason);
    }

    void check(Mapping m) {
      if (!seeds.isGeo(m.country())) {
        problem("/country", m.country() + " is not a geo code of seeds/geo.csv");
      } else if (seeds.members().containsKey(m.country()) && !m.dimensions().containsKey(Dimension.GEO)) {
        problem("/country", m.country() + " is an aggregate: a mapping for several countries takes geo from a column (dimensions: geo)");
      }
      Map<String, String> givenBy = new LinkedHashMap<>();
      m.constants().forEach((dim, code) -> {
        claim(givenBy, dim, "/constants/" + dim);
        checkCode(dim, code, "/constants/" + dim);
      });
      m.dimensions().forEach((dim, col) -> {
        claim(givenBy, dim, "/dimensions/" + dim);
        if (col.codes() != null) {
          col.codes().forEach((nat, code) -> checkCode(dim, code, "/dimensions/" + dim + "/codes/" + nat));
        }
        col.dated().forEach((nat, periods) -> checkDated(dim, nat, periods, "/dimensions/" + dim + "/codes/" + nat));
      });
      if (m.isWide()) {
        if (m.wide() == null) {
          problem("/layout", "a wide layout needs a \"wide\" section");
        } else {
          claim(givenBy, m.wide().dimension(), "/wide/dimension");
          m.wide().codes().forEach((nat, code) -> checkCode(m.wide().dimension(), code, "/wide/codes/" + nat));
          try {
            Pattern.compile(m.wide().columns());
          } catch (PatternSyntaxException e) {
            problem("/wide/columns", "not a valid regular expression: " + e.getDescription());
          }
        }
      } else if (m.value() == null && !m.isMicrodata()) {
        problem("/layout", "a long layout needs \"value: {column: ...}\"");
      }
      if (m.value() != null && m.value().ratePer() != null && !"NR".equals(m.constants().get(Dimension.UNIT))) {
        problem("/value/rate_per", "rates are converted to counts: the unit must be the constant NR (constants: {unit: NR})");
      }
      new MicrodataMappingChecker(model, seeds, this::problem).check(m);
      MicrodataMappingChecker.dimensionsGiven(m).forEach((dim, pointer) -> claim(givenBy, dim, pointer));
      for (Dimension d : model.dimensions()) {
        if (!givenBy.containsKey(d.id()) && !d.id().equals(Dimension.GEO)) {
          problem("/dimensions", "dimension " + d.id() + " is given neither as a constant, nor by a column, nor by the wide layout");
        }
      }
      m.definitions().forEach((concept, value) -> checkDefinition(concept, value, "/definitions/" + concept));
      for (int i = 0; i < m.definitionPeriods().size(); i++) {
        Mapping.DefinitionPeriod p = m.definitionPeriods().get(i);
        String pointer = "/definition_periods/" + i;
        checkDefinition(p.concept(), p.value(), pointer);
        checkPeriod(p.from(), p.to(), pointer);
        for (int j = 0; j < i; j++) {
          Mapping.DefinitionPeriod q = m.definitionPeriods().get(j);
          if (q.concept().equals(p.concept()) && overlap(p.from(), p.to(), q.from(), q.to())) {
            problem(pointer, "the period of " + p.concept() + " overlaps that of /definition_periods/" + j);
          }
        }
      }
      for (int i = 0; i < m.footnotes().size(); i++) {
        for (Map.Entry<String, String> w : m.footnotes().get(i).where().entrySet()) {
          String pointer = "/footnotes/" + i + "/where/" + w.getKey();
          if (!model.hasDimension(w.getKey())) {
            problem(pointer, w.getKey() + " is not a dimension");
          } else if (!w.getKey().equals(Dimension.GEO)) {
            checkCode(w.getKey(), w.getValue(), pointer);
          }
        }
      }
    }

    private void checkDefinition(String concept, String value, String pointer) {
      Definitions.Concept c = definitions.concepts().get(concept);
      if (c == null) {
        problem(pointer, "not a concept of schemas/definitions.yaml (" + definitions.concepts().keySet() + ")");
      } else if (!c.values().containsKey(value)) {
        problem(pointer, value + " is not one of " + c.values().keySet());
      }
    }

    private void checkPeriod(Integer from, Integer to, String pointer) {
      if (from != null && to != null && from > to) {
        problem(pointer, "from " + from + " is after to " + to);
      }
    }

    private static boolean overlap(Integer from1, Integer to1, Integer from2, Integer to2) {
      int a1 = from1 == null ? Integer.MIN_VALUE : from1;
      int b1 = to1 == null ? Integer.MAX_VALUE : to1;
      int a2 = from2 == null ? Integer.MIN_VALUE : from2;
      int b2 = to2 == null ? Integer.MAX_VALUE : to2;
      return a1 <= b2 && a2 <= b1;
    }

    /** Dated codes: target codes exist, periods are ordered and do not overlap. */
    private void checkDated(String dim, String national, List<Mapping.DatedCode> periods, String pointer) {
      for (int i = 0; i < periods.size(); i++) {
        Mapping.DatedCode p = periods.get(i);
        checkCode(dim, p.code(), pointer + "/" + i + "/code");
        checkPeriod(p.from(), p.to(), pointer + "/" + i);
        for (int j = 0; j < i; j++) {
          Mapping.DatedCode q = periods.get(j);
          if (overlap(p.from(), p.to(), q.from(), q.to())) {
            problem(pointer + "/" + i, "national code \"" + national + "\" is mapped twice for the years "
                + Math.max(p.from() == null ? model.firstYear() : p.from(), q.from() == null ? model.firstYear() : q.from()) + "-"
                + Math.min(p.to() == null ? model.lastYear() : p.to(), q.to() == null ? model.lastYear() : q.to()) + " (also by " + pointer + "/" + j + ")");
          }
        }
        if (p.breakInSeries() && p.from() == null) {
          problem(pointer + "/" + i, "a break needs the year it happens in: give \"from\"");
        }
      }
    }

    private void claim(Map<String, String> givenBy, String dim, String pointer) {
      if (!model.hasDimension(dim)) {
        problem(pointer, dim + " is not a dimension of schemas/dimensions.yaml " + model.dimensionIds());
        return;
      }
      String earlier = givenBy.putIfAbsent(dim, pointer);
      if (earlier != null) {
        problem(pointer, "dimension " + dim + " is already given by " + earlier);
      }
    }

    private void checkCode(String dim, String code, String pointer) {
      if (!model.hasDimension(dim)) {
        return;
      }
      if (dim.equals(Dimension.TIME)) {
        if (!code.matches("\\d{4}") || Integer.parseInt(code) < model.firstYear() || Integer.parseInt(code) > model.lastYear()) {
          problem(pointer, "\"" + code + "\" is not a year between " + model.firstYear() + " and " + model.lastYear());
        }
      } else if (!model.dimension(dim).contains(code)) {
        problem(pointer, "\"" + code + "\" is not a code of the " + dim + " code list");
      }
    }
  }
}
