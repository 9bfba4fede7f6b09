package eu.thbstat.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataException;
import eu.thbstat.reference.YamlLocations;
import eu.thbstat.report.ReportDefinitions.Axis;
import eu.thbstat.report.ReportDefinitions.ChartDef;
import eu.thbstat.report.ReportDefinitions.ChartType;
import eu.thbstat.report.ReportDefinitions.FootnotePolicy;
import eu.thbstat.report.ReportDefinitions.KeyFigureDef;
import eu.thbstat.report.ReportDefinitions.KeyFigureDefs;
import eu.thbstat.report.ReportDefinitions.Kind;
import eu.thbstat.report.ReportDefinitions.Sort;
import eu.thbstat.report.ReportDefinitions.TableDef;
import eu.thbstat.report.ReportDefinitions.ValueDef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the report definitions of reports/ (report.yaml, tables/*.yaml, charts/*.yaml,
 * key-figures.yaml) and checks them against the common model: every dimension, code, unit,
 * data-collection table and definition concept they name must exist. Every problem is named by
 * file and line; all are reported at once.
 */
public final class ReportDefinitionLoader {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Set<String> TABLE_KEYS = Set.of(
      "id", "kind", "title", "subtitle", "filters", "rows", "columns", "sort", "footnotes",
      "collection_tables", "concepts", "omit_reasons", "notes");
  private static final Set<String> CHART_KEYS = Set.of(
      "id", "type", "title", "value_axis", "category_axis", "filters", "rows", "columns");
  private static final Set<String> AXIS_KEYS = Set.of("dimension", "dimensions", "codes", "labels", "head");
  private static final Set<String> VALUE_KEYS = Set.of("measure", "cells", "along", "part");

  private final Path home;
  private final ReferenceData ref;
  private final CommonModel model;
  private final List<String> problems = new ArrayList<>();

  private ReportDefinitionLoader(Path home, ReferenceData ref) {
    this.home = home;
    this.ref = ref;
    this.model = ref.model();
  }

  /** Loads reports/ under {@code home}, or throws naming every problem with its file and line. */
  public static ReportDefinitions load(Path home, ReferenceData ref) {
    return new ReportDefinitionLoader(home.toAbsolutePath().normalize(), ref).loadAll();
  }

  private ReportDefinitions loadAll() {
    Map<String, String> flagLabels = flagLabels();
    List<TableDef> tables = new ArrayList<>();
    for (String file : list("reports/tables")) {
      Doc doc = doc(file);
      if (doc != null) {
        TableDef t = table(doc);
        if (t != null) {
          tables.add(t);
        }
      }
    }
    List<ChartDef> charts = new ArrayList<>();
    for (String file : list("reports/charts")) {
      Doc doc = doc(file);
      if (doc != null) {
        ChartDef c = chart(doc);
        if (c != null) {
          charts.add(c);
        }
      }
    }
    KeyFigureDefs keyFigures = null;
    Doc kf = doc("reports/key-figures.yaml");
    if (kf != null) {
      keyFigures = keyFigures(kf);
    }
    Doc report = doc("reports/report.yaml");
    String title = null;
    String subtitle = null;
    ReportDefinitions.CoverageNotes coverageNotes = null;
    List<String> sections = new ArrayList<>();
    if (report != null) {
      unknownKeys(report, report.root, "", Set.of("title", "subtitle", "sections", "coverage_note", "not_published_note"));
      title = requiredText(report, report.root, "", "title");
      subtitle = text(report.root, "subtitle");
      Set<String> coveragePlaceholders = Set.of("aggregate", "year", "countries", "members", "list", "population");
      coverageNotes = new ReportDefinitions.CoverageNotes(
          requiredText(report, report.root, "", "coverage_note"), requiredText(report, report.root, "", "not_published_note"));
      checkPlaceholders(report, "/coverage_note", coverageNotes.published(), coveragePlaceholders, Set.of());
      checkPlaceholders(report, "/not_published_note", coverageNotes.notPublished(), coveragePlaceholders, Set.of());
      Map<String, String> ids = new LinkedHashMap<>();
      tables.forEach(t -> ids.put(t.id(), t.file()));
      for (ChartDef c : charts) {
        String earlier = ids.put(c.id(), c.file());
        if (earlier != null) {
          problems.add(c.file() + ":1: id " + c.id() + " is already used by " + earlier);
        }
      }
      Set<String> seen = new HashSet<>();
      JsonNode list = report.root.path("sections");
      if (!list.isArray() || list.isEmpty()) {
        report.problem("/sections", "a list of the ids of the tables and charts, and " + ReportDefinitions.KEY_FIGURES + ", in report order");
      }
      for (int i = 0; i < list.size(); i++) {
        String id = list.get(i).asText();
        if (!ids.containsKey(id) && !id.equals(ReportDefinitions.KEY_FIGURES)) {
          report.problem("/sections/" + i, id + " is neither a table of reports/tables nor a chart of reports/charts nor " + ReportDefinitions.KEY_FIGURES);
        } else if (!seen.add(id)) {
          report.problem("/sections/" + i, id + " is listed twice");
        }
        sections.add(id);
      }
    }
    if (!problems.isEmpty()) {
      throw new ReferenceDataException(
          "reports", problems.size() + " problem(s) in the report definitions:\n  " + String.join("\n  ", problems));
    }
    return new ReportDefinitions(title, subtitle, coverageNotes, sections, tables, charts, keyFigures, flagLabels);
  }

  // ---------------------------------------------------------------- files

  /** A parsed YAML file with the lines of its nodes. */
  private final class Doc {
    final String file;
    final JsonNode root;
    final YamlLocations lines;

    Doc(String file, JsonNode root, YamlLocations lines) {
      this.file = file;
      this.root = root;
      this.lines = lines;
    }

    void problem(String pointer, String reason) {
      problems.add(file + ":" + lines.line(pointer) + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason);
    }
  }

  private List<String> list(String folder) {
    Path dir = home.resolve(folder);
    if (!Files.isDirectory(dir)) {
      problems.add(folder + ": the folder is missing");
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml"))
          .map(p -> home.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      problems.add(folder + ": cannot be listed: " + e);
      return List.of();
    }
  }

  private Doc doc(String file) {
    String text;
    try {
      text = Files.readString(home.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      problems.add(file + ": cannot be read: " + e);
      return null;
    }
    try {
      JsonNode root = YAML.readTree(text);
      if (root == null || !root.isObject()) {
        problems.add(file + ":1: expected a YAML mapping (key: value lines)");
        return null;
      }
      return new Doc(file, root, YamlLocations.of(text));
    } catch (IOException e) {
      String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
          ? ":" + j.getLocation().getLineNr() : "";
      problems.add(file + where + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
      return null;
    }
  }

  private Map<String, String> flagLabels() {
    Map<String, String> labels = new TreeMap<>();
    Doc flags = doc("schemas/flags.yaml");
    if (flags != null) {
      flags.root.path("flags").forEach(f -> labels.put(f.path("flag").asText(), f.path("label").asText()));
    }
    return labels;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private String requiredText(Doc doc, JsonNode node, String pointer, String field) {
    String v = text(node, field);
    if (v == null || v.isBlank()) {
      doc.problem(pointer, "\"" + field + "\" is missing");
      return null;
    }
    return v;
  }

  private void unknownKeys(Doc doc, JsonNode node, String pointer, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        doc.problem(pointer + "/" + name, "unknown key \"" + name + "\"; known keys: " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  // ---------------------------------------------------------------- tables

  private TableDef table(Doc doc) {
    JsonNode root = doc.root;
    unknownKeys(doc, root, "", TABLE_KEYS);
    String id = id(doc);
    Kind kind = enumOf(doc, "/kind", text(root, "kind"), Kind.class, Kind.CUBE);
    String title = requiredText(doc, root, "", "title");
    FootnotePolicy footnotes = enumOf(doc, "/footnotes", text(root, "footnotes"), FootnotePolicy.class, FootnotePolicy.CELL);
    List<String> notes = strings(doc, "/notes");
    if (kind == Kind.CUBE) {
      Selection s = selection(doc, false);
      Sort sort = sort(doc, root.path("sort"));
      return new TableDef(id, doc.file, kind, title, text(root, "subtitle"), s.filters, s.rows, s.columns, sort, footnotes, List.of(), List.of(), List.of(), notes);
    }
    for (String key : List.of("filters", "columns")) {
      if (root.has(key)) {
        doc.problem("/" + key, "a table of kind " + kind.name().toLowerCase(Locale.ROOT) + " has no " + key);
      }
    }
    List<Axis> rows = List.of(new Axis(List.of(Dimension.GEO), List.of(List.of(Axis.COUNTRIES)), Map.of(), null));
    if (root.has("rows")) {
      rows = axes(doc, "/rows");
      if (rows.size() != 1 || !rows.get(0).dimensions().equals(List.of(Dimension.GEO))) {
        doc.problem("/rows", "the rows of a table of kind " + kind.name().toLowerCase(Locale.ROOT) + " are the countries: one axis of dimension geo");
      }
    }
    List<String> collection = List.of();
    List<String> concepts = List.of();
    List<String> omitReasons = strings(doc, "/omit_reasons");
    if (kind != Kind.COMPARABILITY && !omitReasons.isEmpty()) {
      doc.problem("/omit_reasons", "only a table of kind comparability has grade reasons");
    }
    if (kind == Kind.AVAILABILITY) {
      collection = strings(doc, "/collection_tables");
      Set<String> known = new LinkedHashSet<>();
      ref.tables().forEach(t -> known.add(t.id()));
      if (collection.isEmpty()) {
        doc.problem("/collection_tables", "list the ids of schemas/tables.yaml to show: " + known);
      }
      for (int i = 0; i < collection.size(); i++) {
        if (!known.contains(collection.get(i))) {
          doc.problem("/collection_tables/" + i, collection.get(i) + " is not a table of schemas/tables.yaml " + known);
        }
      }
    } else {
      concepts = strings(doc, "/concepts");
      Set<String> known = new java.util.TreeSet<>(ref.definitions().concepts().keySet());
      for (int i = 0; i < concepts.size(); i++) {
        if (!known.contains(concepts.get(i))) {
          doc.problem("/concepts/" + i, concepts.get(i) + " is not a concept of schemas/definitions.yaml " + known);
        }
      }
    }
    return new TableDef(id, doc.file, kind, title, text(root, "subtitle"), Map.of(), rows, List.of(),
        sort(doc, root.path("sort")), footnotes, collection, concepts, omitReasons, notes);
  }

  private String id(Doc doc) {
    String id = requiredText(doc, doc.root, "", "id");
    if (id != null && !ID.matcher(id).matches()) {
      doc.problem("/id", "\"" + id + "\" is not an id (a letter, then letters, digits, _ or -): it names the table's CSV and XLSX files");
    }
    return id;
  }

  private <E extends Enum<E>> E enumOf(Doc doc, String pointer, String value, Class<E> type, E dflt) {
    if (value == null) {
      return dflt;
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
      doc.problem(pointer, "\"" + value + "\" is not one of " + names);
      return dflt;
    }
  }

  private List<String> strings(Doc doc, String pointer) {
    JsonNode node = doc.root.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      doc.problem(pointer, "expected a list");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }

  private Sort sort(Doc doc, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return Sort.BY_CODE;
    }
    unknownKeys(doc, node, "/sort", Set.of("by", "column", "order"));
    String by = node.path("by").asText("code");
    if (!List.of("code", "label", "value").contains(by)) {
      doc.problem("/sort/by", "\"" + by + "\" is not one of [code, label, value]");
    }
    int column = 0;
    if (node.has("column")) {
      JsonNode c = node.get("column");
      if (c.isTextual() && c.asText().equals("last")) {
        column = 0;
      } else if (c.canConvertToInt() && c.asInt() >= 1) {
        column = c.asInt();
      } else {
        doc.problem("/sort/column", "a data column number from 1, or \"last\"");
      }
    }
    String order = node.path("order").asText("ascending");
    if (!order.equals("ascending") && !order.equals("descending")) {
      doc.problem("/sort/order", "\"" + order + "\" is not ascending or descending");
    }
    return new Sort(by, column, order.equals("descending"));
  }

  /** Filters and axes of a table or chart, checked against the code lists. */
  private record Selection(Map<String, String> filters, List<Axis> rows, List<Axis> columns) {}

  private Selection selection(Doc doc, boolean chart) {
    Map<String, String> filters = new LinkedHashMap<>();
    Map<String, String> placedAt = new LinkedHashMap<>();
    JsonNode f = doc.root.path("filters");
    if (!f.isMissingNode() && !f.isObject()) {
      doc.problem("/filters", "expected dimension: code lines");
    }
    f.fields().forEachRemaining(e -> {
      String pointer = "/filters/" + e.getKey();
      String dim = e.getKey();
      if (!model.hasDimension(dim)) {
        doc.problem(pointer, dim + " is not a dimension of schemas/dimensions.yaml " + model.dimensionIds());
        return;
      }
      if (!e.getValue().isValueNode()) {
        doc.problem(pointer, "a filter fixes one code; put a dimension with several codes on an axis");
        return;
      }
      String code = e.getValue().asText();
      if (!(dim.equals(Dimension.GEO) && code.equals(Axis.EU))) {
        checkCode(doc, pointer, dim, code);
      }
      filters.put(dim, code);
      placedAt.put(dim, pointer);
    });
    List<Axis> rows = axes(doc, "/rows");
    List<Axis> columns = axes(doc, "/columns");
    if (rows.isEmpty()) {
      doc.problem("/rows", "at least one axis on the rows");
    }
    if (columns.isEmpty()) {
      doc.problem("/columns", "at least one axis on the columns");
    }
    for (String side : List.of("rows", "columns")) {
      List<Axis> axes = side.equals("rows") ? rows : columns;
      for (int i = 0; i < axes.size(); i++) {
        for (String d : axes.get(i).dimensions()) {
          String earlier = placedAt.putIfAbsent(d, "/" + side + "/" + i);
          if (earlier != null) {
            doc.problem("/" + side + "/" + i, "dimension " + d + " is already placed by " + earlier);
          }
        }
      }
    }
    for (Dimension d : model.dimensions()) {
      if (!placedAt.containsKey(d.id()) && d.total() == null) {
        doc.problem("/filters", "dimension " + d.id() + " has no total: fix it in filters or put it on an axis");
      }
    }
    if (chart) {
      if (!filters.containsKey(Dimension.UNIT)) {
        doc.problem("/filters", "a chart shows one unit: fix unit in filters");
      }
    }
    return new Selection(filters, rows, columns);
  }

  private List<Axis> axes(Doc doc, String pointer) {
    JsonNode node = doc.root.at(pointer);
    List<Axis> axes = new ArrayList<>();
    if (node.isMissingNode()) {
      return axes;
    }
    if (!node.isArray()) {
      doc.problem(pointer, "expected a list of axes ({dimension: ..., codes: [...]})");
      return axes;
    }
    for (int i = 0; i < node.size(); i++) {
      Axis a = axis(doc, pointer + "/" + i, node.get(i));
      if (a != null) {
        axes.add(a);
      }
    }
    return axes;
  }

  private Axis axis(Doc doc, String pointer, JsonNode node) {
    if (!node.isObject()) {
      doc.problem(pointer, "expected {dimension: ..., codes: [...]}");
      return null;
    }
    unknownKeys(doc, node, pointer, AXIS_KEYS);
    List<String> dims = new ArrayList<>();
    if (node.has("dimension") == node.has("dimensions")) {
      doc.problem(pointer, "give either \"dimension\" or \"dimensions\" (a composite axis)");
      return null;
    }
    if (node.has("dimension")) {
      dims.add(node.get("dimension").asText());
    } else {
      node.get("dimensions").forEach(d -> dims.add(d.asText()));
      if (dims.size() < 2) {
        doc.problem(pointer + "/dimensions", "a composite axis has at least two dimensions");
        return null;
      }
    }
    boolean ok = true;
    for (String d : dims) {
      if (!model.hasDimension(d)) {
        doc.problem(pointer, d + " is not a dimension of schemas/dimensions.yaml " + model.dimensionIds());
        ok = false;
      }
    }
    if (!ok || new HashSet<>(dims).size() != dims.size()) {
      if (ok) {
        doc.problem(pointer, "a dimension is named twice");
      }
      return null;
    }
    List<List<String>> codes = new ArrayList<>();
    JsonNode list = node.path("codes");
    if (dims.size() > 1 && !list.isArray()) {
      doc.problem(pointer + "/codes", "a composite axis lists its code combinations, e.g. [[F, NR], [F, PC]]");
      return null;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode c = list.get(i);
      String p = pointer + "/codes/" + i;
      List<String> combination = new ArrayList<>();
      if (dims.size() == 1) {
        if (!c.isValueNode()) {
          doc.problem(p, "expected a code");
          continue;
        }
        combination.add(c.asText());
      } else {
        if (!c.isArray() || c.size() != dims.size()) {
          doc.problem(p, "expected " + dims.size() + " codes, one for each of " + dims);
          continue;
        }
        c.forEach(x -> combination.add(x.asText()));
      }
      for (int k = 0; k < dims.size(); k++) {
        String code = combination.get(k);
        String dim = dims.get(k);
        if (dim.equals(Dimension.GEO) && (code.equals(Axis.COUNTRIES) || code.equals(Axis.EU))) {
          continue;
        }
        checkCode(doc, dims.size() == 1 ? p : p + "/" + k, dim, code);
      }
      codes.add(combination);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    node.path("labels").fields().forEachRemaining(e -> {
      Set<String> keys = new HashSet<>();
      codes.forEach(c -> keys.add(String.join(" ", c)));
      if (codes.isEmpty() && dims.size() == 1) {
        keys.add(e.getKey()); // default codes: any code of the list may be labelled
        checkCode(doc, pointer + "/labels/" + e.getKey(), dims.get(0), e.getKey());
      }
      if (!keys.contains(e.getKey())) {
        doc.problem(pointer + "/labels/" + e.getKey(), "\"" + e.getKey() + "\" is not one of the axis' codes " + keys);
      }
      labels.put(e.getKey(), e.getValue().asText());
    });
    return new Axis(dims, codes, labels, text(node, "head"));
  }

  private void checkCode(Doc doc, String pointer, String dim, String code) {
    if (dim.equals(Dimension.TIME)) {
      if (!code.matches("\\d{4}") || Integer.parseInt(code) < model.firstYear() || Integer.parseInt(code) > model.lastYear()) {
        doc.problem(pointer, "\"" + code + "\" is not a year between " + model.firstYear() + " and " + model.lastYear());
      }
    } else if (dim.equals(Dimension.GEO)) {
      if (!ref.seeds().isGeo(code)) {
        doc.problem(pointer, "\"" + code + "\" is not a geo code of seeds/geo.csv (or " + Axis.COUNTRIES + ", " + Axis.EU + " on an axis)");
      }
    } else if (!model.dimension(dim).contains(code)) {
      List<String> known = model.dimension(dim).codes().stream().map(c -> c.code()).toList();
      doc.problem(pointer, "\"" + code + "\" is not a code of the " + dim + " code list " + known);
    }
  }

  // ---------------------------------------------------------------- charts

  private ChartDef chart(Doc doc) {
    unknownKeys(doc, doc.root, "", CHART_KEYS);
    String id = id(doc);
    ChartType type = enumOf(doc, "/type", requiredText(doc, doc.root, "", "type"), ChartType.class, ChartType.STACKED_BARS);
    String title = requiredText(doc, doc.root, "", "title");
    Selection s = selection(doc, true);
    TableDef data = new TableDef(id, doc.file, Kind.CUBE, title, null, s.filters, s.rows, s.columns, Sort.BY_CODE,
        FootnotePolicy.NONE, List.of(), List.of(), List.of(), List.of());
    return new ChartDef(id, doc.file, type, title, text(doc.root, "value_axis"), text(doc.root, "category_axis"), data);
  }

  // ---------------------------------------------------------------- key figures

  private KeyFigureDefs keyFigures(Doc doc) {
    unknownKeys(doc, doc.root, "", Set.of("title", "coverage", "not_available", "figures"));
    String coverage = requiredText(doc, doc.root, "", "coverage");
    String notAvailable = requiredText(doc, doc.root, "", "not_available");
    checkPlaceholders(doc, "/coverage", coverage, Set.of("countries", "members", "aggregate", "years"), Set.of());
    checkPlaceholders(doc, "/not_available", notAvailable, Set.of("label", "period", "reason"), Set.of());
    List<KeyFigureDef> figures = new ArrayList<>();
    JsonNode list = doc.root.path("figures");
    if (!list.isArray() || list.isEmpty()) {
      doc.problem("/figures", "a list of figures ({id, label, sentence, values})");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String p = "/figures/" + i;
      JsonNode f = list.get(i);
      unknownKeys(doc, f, p, Set.of("id", "label", "sentence", "values"));
      String id = requiredText(doc, f, p, "id");
      if (id != null && !ids.add(id)) {
        doc.problem(p + "/id", "id " + id + " is used twice");
      }
      String label = requiredText(doc, f, p, "label");
      String sentence = requiredText(doc, f, p, "sentence");
      Map<String, ValueDef> values = new LinkedHashMap<>();
      f.path("values").fields().forEachRemaining(e -> {
        ValueDef v = value(doc, p + "/values/" + e.getKey(), e.getValue());
        if (v != null) {
          values.put(e.getKey(), v);
        }
      });
      if (values.isEmpty()) {
        doc.problem(p + "/values", "a sentence states at least one value");
      }
      Set<String> allowed = new LinkedHashSet<>(values.keySet());
      allowed.add("period");
      allowed.add("coverage");
      checkPlaceholders(doc, p + "/sentence", sentence, allowed, values.keySet());
      if (sentence != null && !sentence.contains("{coverage}")) {
        doc.problem(p + "/sentence", "a key figure states its coverage: put {coverage} in the sentence");
      }
      figures.add(new KeyFigureDef(id, label, sentence, Collections.unmodifiableMap(values)));
    }
    return new KeyFigureDefs(doc.file, text(doc.root, "title"), coverage, notAvailable, figures);
  }

  private ValueDef value(Doc doc, String pointer, JsonNode node) {
    if (!node.isObject()) {
      doc.problem(pointer, "expected {measure: count|share, cells: {...}}");
      return null;
    }
    unknownKeys(doc, node, pointer, VALUE_KEYS);
    String measure = node.path("measure").asText("");
    if (!measure.equals("count") && !measure.equals("share")) {
      doc.problem(pointer + "/measure", "\"" + measure + "\" is not count or share");
      return null;
    }
    Map<String, String> cells = new LinkedHashMap<>();
    node.path("cells").fields().forEachRemaining(e -> {
      String dim = e.getKey();
      if (!model.hasDimension(dim) || dim.equals(Dimension.GEO) || dim.equals(Dimension.TIME) || dim.equals(Dimension.UNIT)) {
        doc.problem(pointer + "/cells/" + dim, dim + " is not a dimension a key figure can fix (geo is the EU, time the period, unit NR)");
        return;
      }
      checkCode(doc, pointer + "/cells/" + dim, dim, e.getValue().asText());
      cells.put(dim, e.getValue().asText());
    });
    String along = null;
    List<String> part = new ArrayList<>();
    if (measure.equals("share")) {
      along = node.path("along").asText("");
      if (!model.hasDimension(along) || model.dimension(along).total() == null) {
        doc.problem(pointer + "/along", "\"" + along + "\" is not a dimension with a total (the whole a share is taken of)");
        return null;
      }
      if (cells.containsKey(along)) {
        doc.problem(pointer + "/cells/" + along, "the dimension a share is taken along cannot also be fixed");
      }
      JsonNode p = node.path("part");
      if (p.isValueNode()) {
        part.add(p.asText());
      } else {
        p.forEach(x -> part.add(x.asText()));
      }
      if (part.isEmpty()) {
        doc.problem(pointer + "/part", "the code(s) of " + along + " whose share is given");
      }
      for (int i = 0; i < part.size(); i++) {
        checkCode(doc, pointer + "/part" + (p.isArray() ? "/" + i : ""), along, part.get(i));
      }
    } else if (node.has("along") || node.has("part")) {
      doc.problem(pointer, "\"along\" and \"part\" belong to a share");
    }
    for (Dimension d : model.dimensions()) {
      boolean fixed = cells.containsKey(d.id()) || d.id().equals(along)
          || List.of(Dimension.GEO, Dimension.TIME, Dimension.UNIT).contains(d.id());
      if (!fixed && d.total() == null) {
        doc.problem(pointer + "/cells", "dimension " + d.id() + " has no total: fix it in cells");
      }
    }
    return new ValueDef(measure, cells, along, part);
  }

  private void checkPlaceholders(Doc doc, String pointer, String text, Set<String> allowed, Set<String> required) {
    if (text == null) {
      return;
    }
    Set<String> used = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      used.add(m.group(1));
      if (!allowed.contains(m.group(1))) {
        doc.problem(pointer, "{" + m.group(1) + "} is not a placeholder here; known: " + allowed);
      }
    }
    for (String r : required) {
      if (!used.contains(r)) {
        doc.problem(pointer, "the value {" + r + "} is defined but not used in the sentence");
      }
    }
  }
}
