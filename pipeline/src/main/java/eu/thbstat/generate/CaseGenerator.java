package eu.thbstat.generate;

import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes SYNTHETIC case-level records of victims and of suspected, prosecuted and convicted
 * persons, with fields after the IOM Human Trafficking Case Data Standard v2, for tests, demos and
 * benchmarks: one file per country, in NDJSON, a JSON array and CSV, read by the mapping
 * mappings/EU-htcds-cases-synthetic.yaml. The records are spread over the countries and years in
 * proportion to the population (seeds/population.csv); their shares by form of exploitation, sex,
 * age and citizenship are shaped like the EU figures of the domain reference (sections 4.3-4.4).
 * The same seed gives byte-identical files. Documented in docs/generate.md.
 */
public final class CaseGenerator {
  /** The record formats written. */
  public enum Format {
    NDJSON("ndjson"),
    JSON("json"),
    CSV("csv");

    public final String extension;

    Format(String extension) {
      this.extension = extension;
    }
  }

  /** The fields of a record, in the order written. */
  public static final List<String> FIELDS = List.of(
      "cas_Id", "rep_Country", "prs_LegalStatus", "cas_RegistrationDate", "vic_TraffickingStatus",
      "vic_TraffickingStatusDecisionMakingOrg", "prs_Gender", "prs_Birthdate", "prs_Age", "prs_Citizenship",
      "vic_TypeOfExploitation", "per_RoleInProcess");

  /** Member States where most registered victims are own nationals (domain reference, 4.5). */
  private static final Set<String> ORIGIN = Set.of("BG", "RO", "HU", "PL", "SK", "HR", "LV", "LT", "EE");

  private static final String[] EU_CITIZENSHIPS = {
    "RO", "BG", "HU", "PL", "SK", "FR", "IT", "LT", "LV", "CZ", "PT", "ES", "DE", "NL", "GR", "HR", "SI", "EE", "BE",
    "AT", "SE", "IE", "FI", "DK", "LU", "CY", "MT"};
  private static final double[] EU_WEIGHTS = {
    26, 14, 9, 9, 5, 4, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  private static final String[] NON_EU_CITIZENSHIPS = {
    "NG", "UA", "MA", "CO", "CN", "AL", "VN", "BR", "MD", "GB", "PK", "IN", "DZ", "TR", "RS", "VE", "PY", "EG", "TH",
    "PH", "ER", "AF", "SY", "DO", "CM"};
  private static final double[] NON_EU_WEIGHTS = {
    14, 10, 7, 6, 6, 6, 5, 5, 5, 4, 3, 3, 3, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1};

  private static final String[] LEGAL = {"Victim", "Suspect", "Prosecuted", "Convicted"};
  private static final double[] LEGAL_WEIGHTS = {0.43, 0.35, 0.13, 0.09};

  /** What to generate. */
  public record Options(long records, long seed, int fromYear, int toYear, Set<Format> formats, List<String> countries) {
    public Options {
      formats = Set.copyOf(formats);
      countries = List.copyOf(countries);
    }
  }

  /** How many records and persons one country-year got (legal status: Victim, Suspect, Prosecuted, Convicted). */
  public static final class Tally {
    public long records;
    public long notVictims;
    public final long[] persons = new long[4];
    public long multiForm;
  }

  /** What was generated: per country, per year, its tally; and the files written. */
  public record Result(Map<String, Map<Integer, Tally>> tallies, List<Path> files) {
    public long persons(String geo, int year, int legal) {
      Tally t = tallies.getOrDefault(geo, Map.of()).get(year);
      return t == null ? 0 : t.persons[legal];
    }
  }

  private final ReferenceData ref;
  private final Seeds seeds;

  public CaseGenerator(ReferenceData ref) {
    this.ref = ref;
    this.seeds = ref.seeds();
  }

  /** The Member States of the EU27_2020 composition, sorted. */
  public List<String> memberStates() {
    return List.copyOf(new TreeSet<>(seeds.members().getOrDefault("EU27_2020", Set.of())));
  }

  /** Writes the files into {@code out} (one folder per format when there are several). */
  public Result generate(Options options, Path out) throws IOException {
    Map<String, long[]> allocation = allocate(options);
    Map<String, Map<Integer, Tally>> tallies = new TreeMap<>();
    List<Path> files = new ArrayList<>();
    Files.createDirectories(out);
    for (String geo : options.countries()) {
      Map<Format, Writer> writers = new EnumMap<>(Format.class);
      for (Format f : Format.values()) {
        if (options.formats().contains(f)) {
          Path dir = options.formats().size() > 1 ? out.resolve(f.extension) : out;
          Files.createDirectories(dir);
          Path file = dir.resolve("THB_cases_" + geo + "_" + options.fromYear() + "-" + options.toYear() + "." + f.extension);
          files.add(file);
          writers.put(f, new Writer(f, new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)));
        }
      }
      Map<Integer, Tally> byYear = new TreeMap<>();
      long[] perYear = allocation.get(geo);
      Record rec = new Record();
      try {
        for (int y = options.fromYear(); y <= options.toYear(); y++) {
          Tally tally = new Tally();
          byYear.put(y, tally);
          SplitMix64 rng = SplitMix64.forPart(options.seed(), geo + ":" + y);
          for (long i = 1; i <= perYear[y - options.fromYear()]; i++) {
            generateRecord(rng, geo, y, i, rec, tally);
            for (Writer w : writers.values()) {
              w.write(rec);
            }
          }
        }
      } finally {
        for (Writer w : writers.values()) {
          w.close();
        }
      }
      tallies.put(geo, byYear);
    }
    Files.writeString(out.resolve("README.md"), readme(options, tallies), StandardCharsets.UTF_8);
    return new Result(tallies, files);
  }

  /** Records per country and year, in proportion to the population (largest remainders). */
  Map<String, long[]> allocate(Options o) {
    int years = o.toYear() - o.fromYear() + 1;
    List<String> keys = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    double total = 0;
    for (String geo : o.countries()) {
      for (int y = o.fromYear(); y <= o.toYear(); y++) {
        double w = population(geo, y);
        keys.add(geo + ":" + y);
        weights.add(w);
        total += w;
      }
    }
    long[] n = new long[keys.size()];
    double[] remainder = new double[keys.size()];
    long given = 0;
    for (int i = 0; i < n.length; i++) {
      double exact = o.records() * weights.get(i) / total;
      n[i] = (long) Math.floor(exact);
      remainder[i] = exact - n[i];
      given += n[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < n.length; i++) {
      order.add(i);
    }
    order.sort((a, b) -> remainder[a] != remainder[b] ? Double.compare(remainder[b], remainder[a]) : Integer.compare(a, b));
    for (int k = 0; given < o.records(); k++, given++) {
      n[order.get(k % n.length)]++;
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      String[] gy = keys.get(i).split(":");
      out.computeIfAbsent(gy[0], g -> new long[years])[Integer.parseInt(gy[1]) - o.fromYear()] = n[i];
    }
    return out;
  }

  /** Population of the year, else of the nearest year with one; 1 if none is known. */
  private double population(String geo, int year) {
    for (int d = 0; d < 30; d++) {
      for (int y : new int[] {year - d, year + d}) {
        OptionalLong p = seeds.population(geo, y);
        if (p.isPresent()) {
          return p.getAsLong();
        }
      }
    }
    return 1;
  }

  // ------------------------------------------------------------------ one record

  /** One record; null fields are written as null (JSON) or empty (CSV). */
  static final class Record {
    final String[] values = new String[FIELDS.size()];
    final List<List<String>> lists = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    Integer age;

    void clear() {
      java.util.Arrays.fill(values, null);
      lists.forEach(List::clear);
      age = null;
    }
  }

  private static final int ID = 0;
  private static final int COUNTRY = 1;
  private static final int LEGAL_STATUS = 2;
  private static final int DATE = 3;
  private static final int STATUS = 4;
  private static final int ORG = 5;
  private static final int GENDER = 6;
  private static final int BIRTH = 7;
  private static final int AGE = 8;
  static final int CITIZENSHIP = 9;
  static final int FORMS = 10;
  static final int ROLE = 11;

  private static int listOf(int field) {
    return field - CITIZENSHIP;
  }

  private void generateRecord(SplitMix64 rng, String geo, int year, long number, Record r, Tally tally) {
    r.clear();
    tally.records++;
    int legal = rng.pick(LEGAL_WEIGHTS);
    LocalDate date = LocalDate.ofYearDay(year, 1 + rng.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    String seq = Long.toString(number);
    r.values[ID] = geo + "-" + year + "-" + "0000000".substring(Math.min(7, seq.length())) + seq;
    r.values[COUNTRY] = geo;
    r.values[LEGAL_STATUS] = LEGAL[legal];
    r.values[DATE] = date.toString();
    boolean origin = ORIGIN.contains(geo);
    String nationalIso = seeds.isoByGeo().getOrDefault(geo, geo);
    if (legal == 0) {
      victim(rng, r, date, origin, nationalIso, tally);
    } else {
      tally.persons[legal]++;
      double u = rng.nextDouble();
      boolean female = u < 0.23;
      boolean unknownSex = u >= 0.99;
      r.values[GENDER] = unknownSex ? "NonSpecifiedUnknown" : female ? "Feminine" : "Masculine";
      double a = rng.nextDouble();
      int age = a < 0.01 ? -1 : a < 0.03 ? 15 + rng.nextInt(3) : 20 + (int) Math.min(55, -Math.log(1 - rng.nextDouble()) * 14);
      age(rng, r, date, age);
      citizenship(rng, r, nationalIso, origin ? new double[] {0.80, 0.05, 0.13, 0.02} : new double[] {0.45, 0.20, 0.32, 0.03});
      List<String> roles = r.lists.get(listOf(ROLE));
      String[] role = {"Exploiter", "RecruiterOrIntermediary", "Transporter", "HarbouredIndividual"};
      roles.add(role[rng.pick(new double[] {0.5, 0.3, 0.1, 0.1})]);
      if (rng.nextDouble() < 0.15 && !roles.contains("RecruiterOrIntermediary")) {
        roles.add("RecruiterOrIntermediary");
      }
    }
  }

  private static final String[] STATUS_ORGS_ACTUAL = {"Police", "CourtOrProsecution", "NonPoliceGovernmentalOrganization", "NGO", "Other"};
  private static final double[] STATUS_ORGS_ACTUAL_W = {0.60, 0.10, 0.15, 0.12, 0.03};
  private static final String[] STATUS_ORGS_POSSIBLE = {"NGO", "Police", "Other"};
  private static final double[] STATUS_ORGS_POSSIBLE_W = {0.45, 0.35, 0.20};

  private void victim(SplitMix64 rng, Record r, LocalDate date, boolean origin, String nationalIso, Tally tally) {
    double s = rng.nextDouble();
    boolean notVictim = s < 0.02;
    boolean actual = !notVictim && rng.nextDouble() < 0.72;
    r.values[STATUS] = notVictim ? "NotAVictimOfTrafficking" : actual ? "ActualVictimOfTrafficking" : "PossibleVictimOfTrafficking";
    r.values[ORG] = actual ? STATUS_ORGS_ACTUAL[rng.pick(STATUS_ORGS_ACTUAL_W)] : STATUS_ORGS_POSSIBLE[rng.pick(STATUS_ORGS_POSSIBLE_W)];
    // form of exploitation: none recorded, sexual, labour or services, other purposes
    int group = rng.nextDouble() < 0.04 ? -1 : rng.pick(new double[] {0.41, 0.41, 0.18});
    double a = rng.nextDouble();
    boolean unknownAge = a < 0.03;
    boolean child = !unknownAge && rng.nextDouble() < 0.21;
    int age = unknownAge ? -1 : child ? 17 - (int) (Math.pow(rng.nextDouble(), 1.6) * 15) : 18 + (int) Math.min(62, -Math.log(1 - rng.nextDouble()) * 11);
    List<String> forms = r.lists.get(listOf(FORMS));
    if (group >= 0) {
      String first = form(rng, group, child);
      forms.add(first);
      if (rng.nextDouble() < 0.07) {
        String second = form(rng, (group + 1 + rng.nextInt(2)) % 3, child);
        if (!second.equals(first)) {
          forms.add(second);
        }
      }
    }
    double pFemale = switch (group) {
      case 0 -> 0.92;
      case 1 -> 0.33;
      default -> 0.60;
    };
    double g = rng.nextDouble();
    if (g < 0.02) {
      r.values[GENDER] = g < 0.015 ? "NonSpecifiedUnknown" : g < 0.018 ? "NonConforming" : "";
    } else {
      boolean female = rng.nextDouble() < pFemale;
      boolean trans = rng.nextDouble() < 0.01;
      r.values[GENDER] = female ? (trans ? "TransgenderFeminine" : "Feminine") : (trans ? "TransgenderMasculine" : "Masculine");
    }
    age(rng, r, date, age);
    citizenship(rng, r, nationalIso, origin ? new double[] {0.65, 0.05, 0.28, 0.02} : new double[] {0.22, 0.13, 0.62, 0.03});
    if (notVictim) {
      tally.notVictims++;
    } else {
      tally.persons[0]++;
      tally.multiForm += forms.size() > 1 ? 1 : 0;
    }
  }

  private static String form(SplitMix64 rng, int group, boolean child) {
    return switch (group) {
      case 0 -> "SexualExploitation";
      case 1 -> child
          ? new String[] {"ChildLabour", "ForcedLabour", "ForcedBegging", "Servitude"}[rng.pick(new double[] {0.25, 0.55, 0.15, 0.05})]
          : new String[] {"ForcedLabour", "ForcedBegging", "Servitude"}[rng.pick(new double[] {0.80, 0.10, 0.10})];
      default -> new String[] {"ForcedCriminality", "ForcedMarriage", "Other", "OrganRemoval", "ForcedAdoption", "Surrogacy",
          "ForcedMilitaryByNonStateActors"}[rng.pick(new double[] {0.45, 0.20, 0.22, 0.04, 0.03, 0.03, 0.03})];
    };
  }

  /** A birth date giving that age at the date (91 %), else the age alone; age -1: neither. */
  private static void age(SplitMix64 rng, Record r, LocalDate date, int age) {
    if (age < 0) {
      r.values[BIRTH] = null;
      return;
    }
    if (rng.nextDouble() < 0.91) {
      LocalDate latest = date.minusYears(age);
      LocalDate earliest = date.minusYears(age + 1L).plusDays(1);
      long span = latest.toEpochDay() - earliest.toEpochDay() + 1;
      r.values[BIRTH] = earliest.plusDays(rng.nextInt((int) span)).toString();
    } else {
      r.values[BIRTH] = null;
      r.age = age;
    }
  }

  /** Citizenship by shares of national, other EU, non-EU, unknown; some stateless, some dual. */
  private static void citizenship(SplitMix64 rng, Record r, String nationalIso, double[] shares) {
    List<String> list = r.lists.get(listOf(CITIZENSHIP));
    switch (rng.pick(shares)) {
      case 0 -> list.add(nationalIso);
      case 1 -> list.add(otherEu(rng, nationalIso));
      case 2 -> {
        double u = rng.nextDouble();
        if (u < 0.01) {
          list.add("XX");
        } else {
          list.add(NON_EU_CITIZENSHIPS[rng.pick(NON_EU_WEIGHTS)]);
          if (u > 0.99) {
            list.add(otherEu(rng, nationalIso));
          }
        }
      }
      default -> {
        // not known: an empty list
      }
    }
  }

  private static String otherEu(SplitMix64 rng, String nationalIso) {
    int i = rng.pick(EU_WEIGHTS);
    return EU_CITIZENSHIPS[i].equals(nationalIso) ? EU_CITIZENSHIPS[(i + 1) % EU_CITIZENSHIPS.length] : EU_CITIZENSHIPS[i];
  }

  // ------------------------------------------------------------------ writing

  /** Writes records of one format; every value is plain ASCII, so bytes are written directly. */
  private static final class Writer {
    private final Format format;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(512);
    private boolean first = true;

    Writer(Format format, OutputStream out) throws IOException {
      this.format = format;
      this.out = out;
      if (format == Format.CSV) {
        out.write((String.join(",", FIELDS) + "\n").getBytes(StandardCharsets.US_ASCII));
      } else if (format == Format.JSON) {
        out.write("[\n".getBytes(StandardCharsets.US_ASCII));
      }
    }

    void write(Record r) throws IOException {
      line.setLength(0);
      if (format == Format.CSV) {
        for (int i = 0; i < FIELDS.size(); i++) {
          if (i > 0) {
            line.append(',');
          }
          if (i == AGE) {
            line.append(r.age == null ? "" : r.age.toString());
          } else if (i >= CITIZENSHIP) {
            line.append(String.join(";", r.lists.get(listOf(i))));
          } else if (r.values[i] != null) {
            line.append(r.values[i]);
          }
        }
        line.append('\n');
      } else {
        if (format == Format.JSON && !first) {
          line.append(",\n");
        }
        line.append('{');
        for (int i = 0; i < FIELDS.size(); i++) {
          if (i > 0) {
            line.append(',');
          }
          line.append('"').append(FIELDS.get(i)).append("\":");
          if (i == AGE) {
            line.append(r.age == null ? "null" : r.age.toString());
          } else if (i >= CITIZENSHIP) {
            List<String> list = r.lists.get(listOf(i));
            boolean victim = r.values[STATUS] != null;
            // citizenship is always a list (empty: not known); forms only for victims, roles only for the others
            boolean none = (i == FORMS && !victim) || (i == ROLE && victim);
            if (none) {
              line.append("null");
            } else {
              line.append('[');
              for (int k = 0; k < list.size(); k++) {
                line.append(k > 0 ? ",\"" : "\"").append(list.get(k)).append('"');
              }
              line.append(']');
            }
          } else if (r.values[i] == null) {
            line.append("null");
          } else {
            line.append('"').append(r.values[i]).append('"');
          }
        }
        line.append('}');
        if (format == Format.NDJSON) {
          line.append('\n');
        }
      }
      first = false;
      byte[] bytes = new byte[line.length()];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) line.charAt(i);
      }
      out.write(bytes);
    }

    void close() throws IOException {
      if (format == Format.JSON) {
        out.write((first ? "]\n" : "\n]\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.close();
    }
  }

  // ------------------------------------------------------------------ README

  private String readme(Options o, Map<String, Map<Integer, Tally>> tallies) {
    StringBuilder md = new StringBuilder();
    md.append("# SYNTHETIC case-level records\n\n");
    md.append("Written by `thbstat generate --records ").append(o.records()).append(" --seed ").append(o.seed())
        .append(" --years ").append(o.fromYear()).append('-').append(o.toYear())
        .append(" --countries ").append(String.join(",", o.countries()))
        .append(" --format ").append(String.join(",", o.formats().stream().sorted().map(f -> f.extension).toList())).append("`.\n\n");
    md.append("Invented records of invented persons, shaped like published EU figures: **not official statistics**, and no\n");
    md.append("record describes a real person. Fields after the IOM Human Trafficking Case Data Standard v2;\n");
    md.append("read by mappings/EU-htcds-cases-synthetic.yaml (see docs/generate.md).\n\n");
    md.append("Persons per country and year, as thbstat's cube must count them (records with\n");
    md.append("`vic_TraffickingStatus` NotAVictimOfTrafficking are excluded by the mapping):\n\n");
    md.append("| geo | year | records | not a victim | victims | of them with several forms | suspects | prosecuted | convicted |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    tallies.forEach((geo, years) -> years.forEach((y, t) -> md.append("| ").append(geo).append(" | ").append(y).append(" | ")
        .append(t.records).append(" | ").append(t.notVictims).append(" | ").append(t.persons[0]).append(" | ").append(t.multiForm)
        .append(" | ").append(t.persons[1]).append(" | ").append(t.persons[2]).append(" | ").append(t.persons[3]).append(" |\n")));
    return md.toString();
  }
}
