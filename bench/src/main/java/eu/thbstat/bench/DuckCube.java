package eu.thbstat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark's DuckDB job: the same count in SQL (bench/src/main/resources/eu/thbstat/bench/cube.sql)
 * with an embedded DuckDB of {@code --threads} threads (default 2), as an analyst would do it: read
 * the CSV files with read_csv, join the mapping's code maps and the seeds as tables, group and count,
 * write the cube. This class only turns the mapping, the code lists and the seeds into those tables
 * and runs the statements.
 *
 * <pre>java -jar bench/target/thbstat-bench.jar duckdb --home HOME --input DIR --out CELLS.csv [--threads 2] [--explain true]</pre>
 *
 * Prints each statement's wall time on stderr; with {@code --explain true}, DuckDB's profile of each
 * (EXPLAIN ANALYZE: operators, rows, time).
 */
final class DuckCube {
  /** The record fields cube.sql names; the mapping must read these. */
  private static final Map<String, String> FIELDS = Map.of(
      "geo", "rep_Country", "leg_stat", "prs_LegalStatus", "victim_status", "vic_TraffickingStatus",
      "decided_by", "vic_TraffickingStatusDecisionMakingOrg", "sex", "prs_Gender", "date", "cas_RegistrationDate",
      "birth", "prs_Birthdate", "age", "prs_Age", "citizenship", "prs_Citizenship", "forms", "vic_TypeOfExploitation");

  private DuckCube() {}

  static void main(Map<String, String> options) throws IOException, SQLException {
    long start = System.nanoTime();
    Reference ref = Reference.load(Path.of(options.getOrDefault("home", ".")), options.getOrDefault("mapping", "EU-htcds-cases-synthetic"));
    check(ref);
    List<Path> files = ref.inputFiles(Path.of(Main.required(options, "input")));
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no input files");
    }
    Path out = Path.of(Main.required(options, "out")).toAbsolutePath();
    Files.deleteIfExists(out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(options.getOrDefault("threads", "2")));
      s.execute("SET preserve_insertion_order = false");
      // where DuckDB spills if the data outgrow memory: beside the output, not in the working folder
      s.execute("SET temp_directory = '" + out.resolveSibling(out.getFileName() + ".duckdb.tmp").toString().replace("'", "''") + "'");
      tables(c, ref);
      Map<String, String> vars = new TreeMap<>();
      vars.put("input", String.join(", ", files.stream().map(f -> "'" + f.toAbsolutePath().toString().replace("'", "''") + "'").toList()));
      vars.put("columns", columns(files));
      vars.put("first_year", Integer.toString(ref.firstYear));
      vars.put("last_year", Integer.toString(ref.lastYear));
      vars.put("separator", Character.toString(ref.separator).replace("'", "''"));
      vars.put("blanks", blanks());
      vars.put("age_unknown", "(" + String.join(", ", ref.ageUnknown.stream().sorted().map(v -> "'" + v.replace("'", "''") + "'").toList()) + ")");
      vars.put("out", out.toString().replace("'", "''"));
      boolean explain = Boolean.parseBoolean(options.getOrDefault("explain", "false"));
      for (String sql : statements(vars)) {
        long t0 = System.nanoTime();
        if (explain && sql.startsWith("CREATE TEMP TABLE")) {
          // --explain true: DuckDB's profile of each step (operators, rows, time) on stderr
          try (ResultSet r = s.executeQuery("EXPLAIN ANALYZE " + sql)) {
            while (r.next()) {
              System.err.println(r.getString(2));
            }
          }
        } else {
          s.execute(sql);
        }
        // where the time goes, on stderr: the statement's first line and its wall time
        System.err.printf("duckdb: %6.2f s  %s%n", (System.nanoTime() - t0) / 1e9, sql.lines().filter(l -> !l.isBlank() && !l.startsWith("--")).findFirst().orElse(""));
      }
      try (ResultSet r = s.executeQuery("SELECT * FROM disagreements LIMIT 10")) {
        if (r.next()) {
          Files.deleteIfExists(out);
          throw new IllegalStateException("two tables give a cell different counts, e.g. " + r.getString(1) + " " + r.getString(2)
              + " " + r.getString(3) + ": " + r.getString("counts"));
        }
      }
      long read = one(s, "SELECT coalesce(sum(n), 0) FROM raw_profiles") + one(s, "SELECT count(DISTINCT (file_id, line)) FROM reject_errors");
      long counted = one(s, "SELECT coalesce(sum(n), 0) FROM counted");
      long excluded = one(s, "SELECT coalesce(sum(n), 0) FROM profiles WHERE excluded");
      long cells = one(s, "SELECT count(*) FROM (SELECT DISTINCT * FROM cells)");
      System.out.printf("duckdb: %d files; records_read=%d counted=%d excluded=%d rejected=%d cells=%d profiles=%d; %.1f s%n",
          files.size(), read, counted, excluded, read - counted - excluded, cells, one(s, "SELECT count(*) FROM raw_profiles"),
          (System.nanoTime() - start) / 1e9);
    }
  }

  /** cube.sql is written for the fields and exclusions of the HTCDS mapping: stop on any other. */
  private static void check(Reference ref) {
    Map<String, String> named = new TreeMap<>();
    named.put("geo", ref.geoField);
    named.put("leg_stat", ref.leg.field());
    named.put("victim_status", ref.victimStatus.field());
    named.put("decided_by", ref.decidedByField);
    named.put("sex", ref.sex.field());
    named.put("date", ref.dateField);
    named.put("birth", ref.birthField);
    named.put("age", ref.ageField);
    named.put("citizenship", ref.citizenshipField);
    named.put("forms", ref.forms.field());
    if (!named.equals(new TreeMap<>(FIELDS))) {
      throw new IllegalArgumentException("cube.sql reads the fields " + FIELDS + "; mapping " + ref.mappingId + " names " + named);
    }
    for (Map<String, String> x : ref.exclusions) {
      if (!x.keySet().equals(Set.of(ref.victimStatus.field()))) {
        throw new IllegalArgumentException("cube.sql excludes by " + ref.victimStatus.field() + " only; mapping " + ref.mappingId + " excludes by " + x);
      }
    }
    if (!ref.encoding.equals(StandardCharsets.UTF_8) || ref.delimiter != ',' || ref.quote != '"' || ref.skipLines != 0) {
      throw new IllegalArgumentException("cube.sql reads UTF-8 CSV with delimiter , and quote \" from the first line");
    }
    if (!ref.victimStatus.codes().values().stream().allMatch(Set.of("IDENT", "PRESUMED")::contains)) {
      throw new IllegalArgumentException("cube.sql expects victim statuses IDENT and PRESUMED");
    }
  }

  /** The lookup tables cube.sql joins, from the mapping, the code lists and the seeds. */
  private static void tables(Connection c, Reference ref) throws SQLException {
    List<Object[]> geoKeys = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (Map.Entry<String, String> e : ref.isoOfGeo.entrySet()) {
      for (String code : List.of(e.getKey(), e.getValue())) {
        String geo = code.isEmpty() ? null : ref.country(code);
        if (geo != null && keys.add(Reference.norm(code))) {
          geoKeys.add(new Object[] {Reference.norm(code), geo});
        }
      }
    }
    table(c, "geo_key(key VARCHAR, geo VARCHAR)", geoKeys);
    table(c, "leg_map(key VARCHAR, code VARCHAR)", pairs(ref.leg.codes()));
    table(c, "vs_map(key VARCHAR, code VARCHAR)", pairs(ref.victimStatus.codes()));
    table(c, "sex_map(key VARCHAR, code VARCHAR)", pairs(ref.sex.codes()));
    table(c, "form_map(key VARCHAR, code VARCHAR)", pairs(ref.forms.codes()));
    table(c, "excluded_vs(key VARCHAR)", singles(ref.exclusions.stream().map(x -> Reference.norm(x.values().iterator().next())).toList()));
    table(c, "authority(key VARCHAR)", singles(ref.authorities));
    table(c, "cit_unknown(key VARCHAR)", singles(ref.citizenshipUnknown));
    table(c, "stateless(key VARCHAR)", singles(ref.stateless));
    table(c, "cit_map(key VARCHAR, iso VARCHAR)", pairs(ref.citizenshipCodes));
    List<Object[]> iso = new ArrayList<>();
    ref.isoCodes.forEach(i -> iso.add(new Object[] {i, ref.geoOf(i)}));
    table(c, "iso(iso2 VARCHAR, geo VARCHAR)", iso);
    List<Object[]> members = new ArrayList<>();
    List<Object[]> euOf = new ArrayList<>();
    for (int y = ref.firstYear; y <= ref.lastYear; y++) {
      euOf.add(new Object[] {y, ref.euOf(y)});
      for (String geo : ref.members.getOrDefault(ref.euOf(y), Set.of())) {
        members.add(new Object[] {y, geo});
      }
    }
    table(c, "eu_member(year INTEGER, geo VARCHAR)", members);
    table(c, "eu_of(year INTEGER, eu VARCHAR)", euOf);
    // age classes: the ages with the same codes (main class, bands of the mapping's breakdowns, total)
    List<Object[]> ageClass = new ArrayList<>();
    List<Object[]> ageIn = new ArrayList<>();
    List<List<String>> classes = new ArrayList<>();
    for (int age = 0; age < Reference.OPEN; age++) {
      List<String> codes = ref.ageCodes(age);
      if (!classes.contains(codes)) {
        classes.add(codes);
        codes.forEach(code -> ageIn.add(new Object[] {classes.size() - 1, code}));
      }
      ageClass.add(new Object[] {age, classes.indexOf(codes)});
    }
    ref.ageCodes(null).forEach(code -> ageIn.add(new Object[] {-1, code}));
    table(c, "age_class(age INTEGER, class INTEGER)", ageClass);
    table(c, "age_in(class INTEGER, cell VARCHAR)", ageIn);
    table(c, "sex_in(code VARCHAR, cell VARCHAR)", closures(ref, "sex", new HashSet<>(ref.sex.codes().values())));
    table(c, "vs_in(code VARCHAR, cell VARCHAR)", closures(ref, "victim_status", Set.of("IDENT", "PRESUMED")));
    table(c, "form_in(code VARCHAR, cell VARCHAR)", closures(ref, "exploitation", new HashSet<>(ref.formCodes())));
  }

  private static List<Object[]> closures(Reference ref, String dim, Set<String> codes) {
    List<Object[]> rows = new ArrayList<>();
    for (String code : codes) {
      ref.closure(dim, code).forEach(cell -> rows.add(new Object[] {code, cell}));
    }
    return rows;
  }

  private static List<Object[]> pairs(Map<String, String> map) {
    return map.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList();
  }

  private static List<Object[]> singles(java.util.Collection<String> values) {
    return values.stream().map(v -> new Object[] {v}).toList();
  }

  private static void table(Connection c, String definition, List<Object[]> rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TEMP TABLE " + definition);
    }
    if (rows.isEmpty()) {
      return;
    }
    String name = definition.substring(0, definition.indexOf('('));
    String marks = String.join(", ", java.util.Collections.nCopies(rows.get(0).length, "?"));
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + name + " VALUES (" + marks + ")")) {
      for (Object[] row : rows) {
        for (int i = 0; i < row.length; i++) {
          p.setObject(i + 1, row[i]);
        }
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /** The columns of the files, all text, from their header (read_csv binds by position: every file must have the same). */
  private static String columns(List<Path> files) throws IOException {
    String first = null;
    for (Path f : files) {
      String header;
      try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        header = r.readLine();
      }
      header = header == null ? "" : header.replace("\uFEFF", "");
      if (first == null) {
        first = header;
      } else if (!first.equals(header)) {
        throw new IllegalArgumentException(f + ": another header than " + files.get(0) + "; the DuckDB job reads files with one header");
      }
    }
    List<String> columns = new ArrayList<>();
    for (String name : first.split(",", -1)) {
      columns.add("'" + name.replace("'", "''") + "': 'VARCHAR'");
    }
    return "{" + String.join(", ", columns) + "}";
  }

  /** The characters Java's String.trim() removes (code points up to U+0020, but NUL), as a SQL string literal. */
  private static String blanks() {
    StringBuilder chars = new StringBuilder("'");
    for (char c = 1; c <= ' '; c++) {
      chars.append(c);
    }
    return chars.append('\'').toString();
  }

  /** cube.sql's statements (ending with ";" at a line's end), placeholders filled in. */
  private static List<String> statements(Map<String, String> vars) throws IOException {
    String sql;
    try (InputStream in = DuckCube.class.getResourceAsStream("cube.sql")) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : sql.split("\n")) {
      if ((line.startsWith("--") || line.isBlank()) && current.length() == 0) {
        continue;
      }
      current.append(line).append('\n');
      if (!line.startsWith("--") && line.stripTrailing().endsWith(";")) {
        String statement = current.toString().strip();
        for (Map.Entry<String, String> v : vars.entrySet()) {
          statement = statement.replace("${" + v.getKey() + "}", v.getValue());
        }
        out.add(statement);
        current.setLength(0);
      }
    }
    return out;
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
