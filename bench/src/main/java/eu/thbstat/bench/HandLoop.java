package eu.thbstat.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * The yardstick: a hand-written, single-pass, single-thread count of the case records into the cube,
 * with the libraries thbstat uses (Commons CSV for the records and seeds, Jackson YAML for the mapping
 * and schemas) and none of thbstat's classes. One pass over the records turns each into its
 * "profile" (country, year, legal status, victim status, sex, age class, citizenship group, set of
 * forms) counted in a hash map; the cells are made from the profiles at the end. It follows
 * docs/microdata.md: which fields each legal status reads, what makes a record excluded or rejected,
 * how a person counts in a cell (their code, its parents, the total; once in each form).
 *
 * <pre>java -jar bench/target/thbstat-bench.jar hand --home HOME --input DIR --out CELLS.csv [--mapping ID]</pre>
 *
 * Writes the counted cells as sorted {@code geo,time,leg_stat,victim_status,sex,age,citizen,exploitation,value}
 * lines and prints {@code records_read=... counted=... excluded=... rejected=... cells=...}.
 */
final class HandLoop {
  private static final long EXCLUDED = -1;
  private static final long REJECTED = -2;

  private static final int NAT = 0;
  private static final int EU_FOR = 1;
  private static final int NEU_FOR = 2;
  private static final int CIT_UNK = 3;
  private static final int ISO_UNKNOWN = -3;
  private static final int ISO_STATELESS = -2;
  private static final int ISO_INVALID = -1;

  private final Reference ref;
  // codes as indexes: the profile packs indexes into a long (8 bits each, forms as a bit set)
  private final List<String> geos = new ArrayList<>();
  private final List<String> legs;
  private final List<String> victimStatuses;
  private final List<String> sexes;
  private final List<List<String>> ageClasses = new ArrayList<>();
  private final int[] classOfAge = new int[Reference.OPEN];
  private final int unknownAgeClass;
  private final List<String> formTargets;
  private final int unkBit;
  private final int ident;
  private final int presumed;
  /** Per legal status, the dimensions its tables break down: only those fields are read. */
  private final Map<String, Set<String>> reads = new HashMap<>();
  private final boolean[] readsVs;
  private final boolean[] readsSex;
  private final boolean[] readsAge;
  private final boolean[] readsCitizen;
  private final boolean[] readsForms;

  // lookups memoised by the exact text read: a value seen before costs one hash lookup
  private final Map<String, Integer> geoCache = new HashMap<>();
  private final Map<String, Integer> legCache = new HashMap<>();
  private final Map<String, Integer> vsCache = new HashMap<>();
  private final Map<String, Integer> sexCache = new HashMap<>();
  private final Map<String, Boolean> authorityCache = new HashMap<>();
  private final Map<String, int[]> citizenshipCache = new HashMap<>();
  private final Map<String, Long> formCache = new HashMap<>();
  private final List<String> isos = new ArrayList<>();
  private final Map<String, Integer> isoIndex = new HashMap<>();
  /** The geo code of each ISO code (null: not a country of seeds/geo.csv), and whether it is in the EU of a year (0: not worked out yet). */
  private final String[] isoGeo;
  private final byte[][] isoInEu;

  // the counts
  private final LongCounts profiles = new LongCounts();
  long read;
  long counted;
  long excluded;
  long rejected;

  HandLoop(Reference ref) {
    this.ref = ref;
    ref.isoOfGeo.forEach((geo, iso) -> {
      if ("country".equals(ref.kindOfGeo.get(geo))) {
        geos.add(geo);
      }
    });
    legs = new ArrayList<>(new LinkedHashSet<>(ref.leg.codes().values()));
    victimStatuses = new ArrayList<>(new LinkedHashSet<>(ref.victimStatus.codes().values()));
    if (!victimStatuses.contains("PRESUMED")) {
      victimStatuses.add("PRESUMED");
    }
    ident = victimStatuses.indexOf("IDENT");
    presumed = victimStatuses.indexOf("PRESUMED");
    sexes = new ArrayList<>(new LinkedHashSet<>(ref.sex.codes().values()));
    // age classes: ages with the same codes (main class, bands, total) form one class
    Map<List<String>, Integer> classes = new HashMap<>();
    for (int age = 0; age < Reference.OPEN; age++) {
      List<String> codes = ref.ageCodes(age);
      classOfAge[age] = classes.computeIfAbsent(codes, c -> {
        ageClasses.add(c);
        return ageClasses.size() - 1;
      });
    }
    ageClasses.add(ref.ageCodes(null));
    unknownAgeClass = ageClasses.size() - 1;
    formTargets = ref.formCodes();
    unkBit = formTargets.indexOf("UNK");
    if (formTargets.size() > 24 || geos.size() > 255) {
      throw new IllegalArgumentException("too many codes for a profile key");
    }
    for (Reference.Table t : ref.tables) {
      for (String leg : legs) {
        if (leg.equals(t.fixed().getOrDefault("leg_stat", leg))) {
          reads.computeIfAbsent(leg, l -> new java.util.HashSet<>()).addAll(t.breakdowns().keySet());
        }
      }
    }
    readsVs = reads("victim_status");
    readsSex = reads("sex");
    readsAge = reads("age");
    readsCitizen = reads("citizen");
    readsForms = reads("exploitation");
    ref.isoCodes.stream().sorted().forEach(iso -> {
      isoIndex.put(iso, isos.size());
      isos.add(iso);
    });
    isoGeo = isos.stream().map(ref::geoOf).toArray(String[]::new);
    isoInEu = new byte[isos.size()][ref.lastYear - ref.firstYear + 1];
  }

  private boolean[] reads(String dim) {
    boolean[] out = new boolean[legs.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = reads.getOrDefault(legs.get(i), Set.of()).contains(dim);
    }
    return out;
  }

  // ------------------------------------------------------------------ reading

  void read(Path file) throws IOException {
    // as thbstat opens a CSV of case records: the mapping's encoding (bad bytes are an error), a BOM
    // skipped, the mapping's skip_lines, a header row, empty lines skipped
    BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), ref.encoding.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    for (int i = 0; i < ref.skipLines; i++) {
      reader.readLine();
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(ref.delimiter).setQuote(ref.quote).setHeader()
        .setSkipHeaderRecord(true).setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
        .setIgnoreEmptyLines(true).get();
    try (CSVParser parser = format.parse(reader)) {
      List<String> header = parser.getHeaderNames();
      Fields f = new Fields(header, file);
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        CSVRecord r;
        try {
          if (!records.hasNext()) {
            break;
          }
          r = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          // thbstat stops reading such a file at that line and keeps what it counted; so does this
          System.err.println("hand loop: " + file + ": the CSV cannot be parsed after record " + read + ": " + e.getMessage());
          break;
        }
        read++;
        long p = r.size() != header.size() ? REJECTED : profile(r, f);
        if (p == EXCLUDED) {
          excluded++;
        } else if (p == REJECTED) {
          rejected++;
        } else {
          counted++;
          profiles.add(p, 1);
        }
      }
    }
  }

  /** Column positions of the fields the mapping reads. */
  private final class Fields {
    final int geo;
    final int leg;
    final int vs;
    final int decidedBy;
    final int sex;
    final int date;
    final int birth;
    final int age;
    final int citizenship;
    final int forms;
    final int[][] exclusionColumns;
    final String[][] exclusionValues;

    Fields(List<String> header, Path file) {
      geo = column(header, ref.geoField, file);
      leg = column(header, ref.leg.field(), file);
      vs = column(header, ref.victimStatus.field(), file);
      decidedBy = ref.decidedByField == null ? -1 : column(header, ref.decidedByField, file);
      sex = column(header, ref.sex.field(), file);
      date = column(header, ref.dateField, file);
      birth = ref.birthField == null ? -1 : column(header, ref.birthField, file);
      age = ref.ageField == null ? -1 : column(header, ref.ageField, file);
      citizenship = column(header, ref.citizenshipField, file);
      forms = column(header, ref.forms.field(), file);
      exclusionColumns = new int[ref.exclusions.size()][];
      exclusionValues = new String[ref.exclusions.size()][];
      for (int i = 0; i < ref.exclusions.size(); i++) {
        exclusionColumns[i] = ref.exclusions.get(i).keySet().stream().mapToInt(k -> column(header, k, file)).toArray();
        exclusionValues[i] = ref.exclusions.get(i).values().toArray(String[]::new);
      }
    }

    private int column(List<String> header, String field, Path file) {
      int i = header.indexOf(field);
      if (i < 0) {
        throw new IllegalArgumentException(file + ": no column " + field + " (thbstat does not read such a file: FILE_MISSING_COLUMN)");
      }
      return i;
    }
  }

  /** One record's profile, or EXCLUDED, or REJECTED (the first problem found is enough here). */
  private long profile(CSVRecord r, Fields f) {
    for (int i = 0; i < f.exclusionColumns.length; i++) {
      boolean all = true;
      for (int k = 0; k < f.exclusionColumns[i].length && all; k++) {
        all = r.get(f.exclusionColumns[i][k]).trim().equalsIgnoreCase(f.exclusionValues[i][k]);
      }
      if (all) {
        return EXCLUDED;
      }
    }
    int geo = geoCache.computeIfAbsent(r.get(f.geo), raw -> geos.indexOf(ref.country(raw)));
    int leg = legCache.computeIfAbsent(r.get(f.leg), raw -> legs.indexOf(ref.leg.code(raw)));
    int date = ymd(r.get(f.date).trim());
    int year = date / 10000;
    if (geo < 0 || leg < 0 || date < 0 || year < ref.firstYear || year > ref.lastYear) {
      return REJECTED;
    }
    int sex = readsSex[leg] ? sexCache.computeIfAbsent(r.get(f.sex), raw -> sexes.indexOf(ref.sex.code(raw))) : 0;
    int vs = readsVs[leg] ? victimStatus(r, f) : 0;
    int age = readsAge[leg] ? ageClass(r, f, date) : 0;
    int cit = readsCitizen[leg] ? citizenship(r.get(f.citizenship), geos.get(geo), year) : 0;
    long forms = readsForms[leg] ? forms(r.get(f.forms)) : 0;
    if (sex < 0 || vs < 0 || age < 0 || cit < 0 || forms < 0) {
      return REJECTED;
    }
    return (long) geo | (long) (year - ref.firstYear) << 8 | (long) leg << 16 | (long) vs << 20 | (long) sex << 24
        | (long) age << 28 | (long) cit << 36 | forms << 40;
  }

  private int victimStatus(CSVRecord r, Fields f) {
    int v = vsCache.computeIfAbsent(r.get(f.vs), raw -> victimStatuses.indexOf(ref.victimStatus.code(raw)));
    // an identified victim counts as identified only if one of the listed authorities decided it
    if (v == ident && f.decidedBy >= 0 && !authorityCache.computeIfAbsent(r.get(f.decidedBy), raw -> ref.authorities.contains(Reference.norm(raw)))) {
      return presumed;
    }
    return v;
  }

  /** The age class at the reference date: from the birth date, else the age in years, else unknown; -1 if invalid. */
  private int ageClass(CSVRecord r, Fields f, int date) {
    String birth = f.birth < 0 ? "" : r.get(f.birth).trim();
    if (!birth.isEmpty() && !ref.ageUnknown.contains(Reference.norm(birth))) {
      int born = ymd(birth);
      if (born < 0) {
        return -1;
      }
      // completed years: one less if the birthday (month and day) is not reached yet
      int age = date / 10000 - born / 10000 - (date % 10000 < born % 10000 ? 1 : 0);
      return age < 0 || age >= Reference.OPEN ? -1 : classOfAge[age];
    }
    String years = f.age < 0 ? "" : r.get(f.age).trim();
    if (years.isEmpty() || ref.ageUnknown.contains(Reference.norm(years))) {
      return unknownAgeClass;
    }
    int age = wholeYears(years);
    return age < 0 || age >= Reference.OPEN ? -1 : classOfAge[age];
  }

  /** The best citizenship group of a multi-select value (NAT before other EU before non-EU before unknown); -1 if a value is invalid. */
  private int citizenship(String raw, String reporting, int year) {
    int[] values = citizenshipCache.get(raw);
    if (values == null) {
      values = split(raw).stream().mapToInt(this::iso).toArray();
      citizenshipCache.put(raw, values);
    }
    int best = CIT_UNK;
    for (int iso : values) {
      int group;
      if (iso == ISO_INVALID) {
        return -1;
      } else if (iso == ISO_UNKNOWN) {
        group = CIT_UNK;
      } else if (iso == ISO_STATELESS) {
        group = NEU_FOR;
      } else if (reporting.equals(isoGeo[iso])) {
        group = NAT;
      } else {
        byte[] inEu = isoInEu[iso];
        int y = year - ref.firstYear;
        if (inEu[y] == 0) {
          inEu[y] = (byte) (isoGeo[iso] != null && ref.isEuMember(isoGeo[iso], year) ? 2 : 1);
        }
        group = inEu[y] == 2 ? EU_FOR : NEU_FOR;
      }
      best = Math.min(best, group);
    }
    return best;
  }

  private int iso(String token) {
    String t = Reference.norm(token);
    if (ref.citizenshipUnknown.contains(t)) {
      return ISO_UNKNOWN;
    }
    if (ref.stateless.contains(t)) {
      return ISO_STATELESS;
    }
    String mapped = ref.citizenshipCodes.get(t);
    return isoIndex.getOrDefault(mapped != null ? mapped : token.trim().toUpperCase(java.util.Locale.ROOT), ISO_INVALID);
  }

  /** The set of forms as bits of formTargets: empty gives UNK, UNK beside known forms is dropped; -1 if a value is unknown. */
  private long forms(String raw) {
    Long forms = formCache.get(raw);
    if (forms == null) {
      long mask = 0;
      for (String token : split(raw)) {
        String code = ref.forms.code(token);
        if (code == null && !token.trim().isEmpty()) {
          mask = -1;
          break;
        }
        mask |= code == null ? 0 : 1L << formTargets.indexOf(code);
      }
      long unk = 1L << unkBit;
      forms = mask < 0 ? -1 : mask == 0 ? unk : mask == unk ? mask : mask & ~unk;
      formCache.put(raw, forms);
    }
    return forms;
  }

  /** The values of a multi-select text, empty ones kept ("RO;" is RO and an empty value). */
  private List<String> split(String raw) {
    List<String> out = new ArrayList<>(2);
    int from = 0;
    for (int sep; (sep = raw.indexOf(ref.separator, from)) >= 0; from = sep + 1) {
      out.add(raw.substring(from, sep));
    }
    out.add(from == 0 ? raw : raw.substring(from));
    return out;
  }

  /** A date yyyy-MM-dd (a time after it, after 'T' or a space, is ignored) as yyyymmdd, or -1. */
  static int ymd(String s) {
    if (s.length() < 10 || (s.length() > 10 && s.charAt(10) != 'T' && s.charAt(10) != ' ')) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < 10; i++) {
      char c = s.charAt(i);
      if (i == 4 || i == 7) {
        if (c != '-') {
          return -1;
        }
      } else if (c < '0' || c > '9') {
        return -1;
      } else {
        v = v * 10 + (c - '0');
      }
    }
    int y = v / 10000;
    int m = v / 100 % 100;
    int d = v % 100;
    int days = switch (m) {
      case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
    return y < 1 || m < 1 || m > 12 || d < 1 || d > days ? -1 : v;
  }

  /** Whole years: one to three digits, optionally followed by a point and zeros ("17", "17.0"); else -1. */
  static int wholeYears(String s) {
    int dot = s.indexOf('.');
    int end = dot < 0 ? s.length() : dot;
    if (end == 0 || end > 3 || dot == s.length() - 1) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    for (int i = end + 1; i < s.length(); i++) {
      if (s.charAt(i) != '0') {
        return -1;
      }
    }
    return v;
  }

  // ------------------------------------------------------------------ the cells

  /**
   * Every cell of every table for each country, year and legal status with a counted record (zero
   * where no one counts), and the persons in each: a person counts in a cell when the cell's code of
   * every dimension is one their profile counts in.
   */
  TreeMap<String, Long> cells() {
    TreeMap<String, Long> cells = new TreeMap<>();
    Map<Long, List<Long>> byGroup = new TreeMap<>();
    for (long p : profiles.keys()) {
      byGroup.computeIfAbsent(p & GROUP, g -> new ArrayList<>()).add(p);
    }
    byGroup.forEach((group, members) -> {
      String geo = geos.get((int) (group & 0xFF));
      int year = (int) (group >>> 8 & 0xFF) + ref.firstYear;
      int leg = (int) (group >>> 16 & 0xF);
      for (Reference.Table t : ref.tables) {
        if (!legs.get(leg).equals(t.fixed().getOrDefault("leg_stat", legs.get(leg)))) {
          continue;
        }
        List<List<String>> allowed = allowed(t, geo, year, legs.get(leg));
        Map<String, Long> values = new TreeMap<>();
        for (List<String> key : product(allowed)) {
          values.put(String.join(",", key), 0L);
        }
        // the persons of the table (those who count in its fixed codes), by the fields it breaks down
        long keep = GROUP;
        for (String dim : t.breakdowns().keySet()) {
          keep |= FIELD.get(dim);
        }
        Map<Long, Long> projected = new TreeMap<>();
        for (long p : members) {
          boolean counts = true;
          for (Map.Entry<String, String> f : t.fixed().entrySet()) {
            List<String> in = FIELD.containsKey(f.getKey()) ? countsIn(p, f.getKey(), year, leg) : null;
            counts &= in == null || in.contains(f.getValue());
          }
          if (counts) {
            projected.merge(p & keep, profiles.get(p), Long::sum);
          }
        }
        projected.forEach((q, n) -> {
          List<List<String>> codes = new ArrayList<>();
          for (int d = 0; d < Reference.DIMS.size(); d++) {
            String dim = Reference.DIMS.get(d);
            List<String> in = t.breakdowns().containsKey(dim) ? countsIn(q, dim, year, leg) : null;
            codes.add(in == null ? allowed.get(d) : in.stream().filter(allowed.get(d)::contains).toList());
          }
          for (List<String> key : product(codes)) {
            values.merge(String.join(",", key), n, Long::sum);
          }
        });
        values.forEach((k, v) -> {
          Long before = cells.putIfAbsent(k, v);
          if (before != null && before.longValue() != v) {
            throw new IllegalStateException("two tables give cell " + k + " different counts: " + before + " and " + v);
          }
        });
      }
    });
    return cells;
  }

  /** The bits of a profile: geo, year and legal status (the group), and the field of each dimension a table may break down. */
  private static final long GROUP = 0xFFFFFL;
  private static final Map<String, Long> FIELD = Map.of("victim_status", 0xFL << 20, "sex", 0xFL << 24, "age", 0xFFL << 28,
      "citizen", 0xFL << 36, "exploitation", -1L << 40);

  private final Map<Long, List<String>> formClosures = new HashMap<>();

  /** The codes a profile counts in for a dimension; null for a dimension its legal status does not read. */
  private List<String> countsIn(long p, String dim, int year, int leg) {
    return switch (dim) {
      case "geo" -> List.of(geos.get((int) (p & 0xFF)));
      case "time" -> List.of(Integer.toString(year));
      case "leg_stat" -> List.of(legs.get(leg));
      case "victim_status" -> readsVs[leg] ? ref.closure(dim, victimStatuses.get((int) (p >>> 20 & 0xF))) : null;
      case "sex" -> readsSex[leg] ? ref.closure(dim, sexes.get((int) (p >>> 24 & 0xF))) : null;
      case "age" -> readsAge[leg] ? ageClasses.get((int) (p >>> 28 & 0xFF)) : null;
      case "citizen" -> {
        if (!readsCitizen[leg]) {
          yield null;
        }
        String eu = ref.euOf(year);
        String code = switch ((int) (p >>> 36 & 0xF)) {
          case NAT -> "NAT";
          case EU_FOR -> eu + "_FOR";
          case NEU_FOR -> "N" + eu + "_FOR";
          default -> "UNK";
        };
        yield ref.closure(dim, code);
      }
      case "exploitation" -> {
        if (!readsForms[leg]) {
          yield null;
        }
        // once in each form, each group above them and the total, however many forms
        yield formClosures.computeIfAbsent(p >>> 40, forms -> {
          LinkedHashSet<String> codes = new LinkedHashSet<>();
          for (int b = 0; b < formTargets.size(); b++) {
            if ((forms & 1L << b) != 0) {
              codes.addAll(ref.closure(dim, formTargets.get(b)));
            }
          }
          return List.copyOf(codes);
        });
      }
      default -> throw new IllegalArgumentException(dim);
    };
  }

  /**
   * The codes a table asks of each dimension for one country, year and legal status: fixed codes,
   * the codes it crosses (EU27_2020 groups named by the EU of the year), and below those the finer
   * codes the mapping's records give (age bands, forms of exploitation).
   */
  private List<List<String>> allowed(Reference.Table t, String geo, int year, String leg) {
    List<List<String>> out = new ArrayList<>();
    for (String dim : Reference.DIMS) {
      List<String> codes = new ArrayList<>();
      switch (dim) {
        case "geo" -> codes.add(geo);
        case "time" -> codes.add(Integer.toString(year));
        case "leg_stat" -> codes.add(t.fixed().getOrDefault(dim, leg));
        default -> {
          if (t.breakdowns().containsKey(dim)) {
            for (String c : t.breakdowns().get(dim)) {
              codes.add(c.contains("EU27_2020") ? c.replace("EU27_2020", ref.euOf(year)) : c);
            }
            List<String> finer = new ArrayList<>();
            if (dim.equals("age")) {
              ageClasses.forEach(finer::addAll);
            } else if (dim.equals("exploitation")) {
              formTargets.forEach(c -> finer.addAll(ref.closure(dim, c)));
            }
            for (String c : finer) {
              if (!codes.contains(c) && ref.closure(dim, c).stream().anyMatch(codes::contains)) {
                codes.add(c);
              }
            }
          } else {
            codes.add(t.fixed().getOrDefault(dim, ref.totals.get(dim)));
          }
        }
      }
      out.add(codes);
    }
    return out;
  }

  private static List<List<String>> product(List<List<String>> codes) {
    List<List<String>> keys = List.of(List.of());
    for (List<String> options : codes) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> k : keys) {
        for (String o : options) {
          List<String> key = new ArrayList<>(k);
          key.add(o);
          next.add(key);
        }
      }
      keys = next;
    }
    return keys;
  }

  // ------------------------------------------------------------------ main

  static void main(Map<String, String> options) throws IOException {
    long start = System.nanoTime();
    Path home = Path.of(options.getOrDefault("home", "."));
    Reference ref = Reference.load(home, options.getOrDefault("mapping", "EU-htcds-cases-synthetic"));
    HandLoop loop = new HandLoop(ref);
    List<Path> files = ref.inputFiles(Path.of(Main.required(options, "input")));
    for (Path f : files) {
      loop.read(f);
    }
    long counted = System.nanoTime();
    TreeMap<String, Long> cells = loop.cells();
    try (BufferedWriter out = Files.newBufferedWriter(Path.of(Main.required(options, "out")), StandardCharsets.UTF_8)) {
      out.write(Cells.HEADER + "\n");
      for (Map.Entry<String, Long> e : cells.entrySet()) {
        out.write(e.getKey() + "," + e.getValue() + "\n");
      }
    }
    System.out.printf("hand loop: %d files; records_read=%d counted=%d excluded=%d rejected=%d cells=%d profiles=%d; %.1f s (%.1f s to the profiles)%n",
        files.size(), loop.read, loop.counted, loop.excluded, loop.rejected, cells.size(), loop.profiles.size(),
        (System.nanoTime() - start) / 1e9, (counted - start) / 1e9);
  }
}
