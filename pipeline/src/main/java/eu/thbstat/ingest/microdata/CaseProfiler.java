package eu.thbstat.ingest.microdata;

import eu.thbstat.reference.AgeBand;
import eu.thbstat.reference.Code;
import eu.thbstat.reference.CommonModel;
import eu.thbstat.reference.DatePattern;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.Seeds;
import eu.thbstat.reference.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns one case record into its profile (the codes it counts under, packed into a long by {@link
 * ProfileLayout}), or into the reasons it is rejected. Compiled once per file from the mapping:
 * field slots, lookups of national codes (cached by the exact text read, so that a value seen
 * before costs one hash lookup), the date pattern, age classes, the EU membership of citizenships
 * by year. Also gives, per profile, the codes of each dimension a person counts in (its code, the
 * code's parents and the total), from which {@link CubeExpander} makes the cells.
 *
 * <p>Which fields are read depends on the legal status: only the dimensions some table of
 * schemas/tables.yaml breaks down for that status (for suspects: sex and citizenship). A dimension
 * no table breaks down is not read, and the record counts at whatever code the tables fix it to.
 */
final class CaseProfiler {
  static final int COUNTED = 0;
  static final int EXCLUDED = 1;
  static final int REJECTED = 2;

  static final int USES_VS = 1;
  static final int USES_SEX = 2;
  static final int USES_AGE = 4;
  static final int USES_CIT = 8;
  static final int USES_FORMS = 16;

  static final int NAT = 0;
  static final int EU_FOR = 1;
  static final int NEU_FOR = 2;
  static final int CIT_UNK = 3;

  private static final int CACHE_LIMIT = 10_000;
  private static final int ISO_INVALID = -1;
  private static final int ISO_STATELESS = -2;
  private static final int ISO_UNKNOWN = -3;

  /** Why a record is rejected: rule, field, the offending value, and the rule's details. */
  record Rejection(String rule, String field, String value, Map<String, Object> details) implements java.io.Serializable {}

  private final ReferenceData ref;
  private final CommonModel model;
  private final Seeds seeds;
  private final Mapping mapping;
  final CaseFields fields = new CaseFields();
  final ProfileLayout layout;

  final Dimension geoDim;
  final Dimension legDim;
  final Dimension vsDim;
  final Dimension sexDim;
  final Dimension ageDim;
  final Dimension citDim;
  final Dimension formDim;

  private final Coded geo;
  private final Coded leg;
  private final Coded vs;
  private final Coded sex;
  private final int[] legUses;

  private final int dateSlot;
  private final DatePattern datePattern;

  // age
  private final String[] ageConstant;
  private final int birthSlot;
  private final int ageSlot;
  private final DatePattern birthPattern;
  private final Set<String> ageUnknown = new HashSet<>();
  private final int[] classOfAge = new int[AgeBand.OPEN];
  /** Closure (codes counted in) of each age class; the last class is UNK. */
  final String[][] ageClosure;

  // citizenship
  private final String[] citConstant;
  private final int citSlot;
  private final Map<String, Integer> isoIndex = new HashMap<>();
  private final String[] isoGeo;
  private final byte[][] euMember;
  private final Map<String, Integer> citCache = new HashMap<>();
  private final Set<String> stateless = new HashSet<>();
  private final Set<String> citUnknown = new HashSet<>();

  // forms of exploitation
  private final String[] formConstant;
  private final int formSlot;
  final List<String> formTargets = new ArrayList<>();
  private final int unkBit;
  private final Map<String, Integer> formCache = new HashMap<>();
  private final Map<Long, String[]> formClosures = new HashMap<>();

  // victim status decided by
  private final int decidedBySlot;
  private final Set<String> authorities = new HashSet<>();
  private final int identIndex;
  private final int presumedIndex;

  private final char separator;
  private final List<Exclusion> exclusions = new ArrayList<>();

  // outcome of the last record
  long profile;
  String excludedReason;
  String geoCode;
  final List<Rejection> rejections = new ArrayList<>();

  private record Exclusion(int[] slots, String[] values, String reason) {
    boolean matches(CaseRecord r) {
      for (int i = 0; i < slots.length; i++) {
        if (!r.text(slots[i]).equalsIgnoreCase(values[i])) {
          return false;
        }
      }
      return true;
    }
  }

  CaseProfiler(ReferenceData ref, Mapping mapping) {
    this.ref = ref;
    this.model = ref.model();
    this.seeds = ref.seeds();
    this.mapping = mapping;
    Mapping.Microdata md = mapping.microdata();
    this.separator = md.multiSeparator().charAt(0);
    geoDim = model.dimension(Dimension.GEO);
    legDim = model.dimension("leg_stat");
    vsDim = model.dimension("victim_status");
    sexDim = model.dimension("sex");
    ageDim = model.dimension("age");
    citDim = model.dimension("citizen");
    formDim = model.dimension("exploitation");

    geo = new Coded(geoDim);
    leg = new Coded(legDim);
    vs = new Coded(vsDim);
    sex = new Coded(sexDim);
    identIndex = index(vsDim, "IDENT");
    presumedIndex = index(vsDim, "PRESUMED");
    legUses = legUses();

    dateSlot = fields.add(md.referenceDate().field(), false);
    datePattern = DatePattern.parse(md.referenceDate().format());

    // age: a constant, or classes of whole years cut at 18 and at every band asked for
    String ageCode = mapping.constants().get("age");
    ageConstant = ageCode == null ? null : closureOf(ageDim, ageCode);
    Mapping.Age age = md.age();
    birthSlot = age == null ? -1 : fields.add(age.birthDate(), false);
    ageSlot = age == null ? -1 : fields.add(age.age(), false);
    birthPattern = age == null ? null : DatePattern.parse(age.birthDateFormat());
    if (age != null) {
      age.unknown().forEach(u -> ageUnknown.add(u.trim().toLowerCase(Locale.ROOT)));
    }
    ageClosure = ageClasses(age == null ? List.of() : age.bands());

    // citizenship
    String citCode = mapping.constants().get("citizen");
    citConstant = citCode == null ? null : closureOf(citDim, citCode);
    Mapping.Citizenship cit = md.citizenship();
    citSlot = cit == null ? -1 : fields.add(cit.field(), true);
    List<String> isos = new ArrayList<>(new TreeSet<>(seeds.isoCountries().keySet()));
    isoGeo = new String[isos.size()];
    for (int i = 0; i < isos.size(); i++) {
      isoIndex.put(isos.get(i), i);
      isoGeo[i] = seeds.geoOf(isos.get(i));
    }
    euMember = new byte[isos.size()][model.lastYear() - model.firstYear() + 1];
    if (cit != null) {
      cit.stateless().forEach(s -> stateless.add(s.trim().toLowerCase(Locale.ROOT)));
      cit.unknown().forEach(s -> citUnknown.add(s.trim().toLowerCase(Locale.ROOT)));
    }

    // forms of exploitation: one bit per code the national values map to, and one for UNK
    String formCode = mapping.constants().get("exploitation");
    formConstant = formCode == null ? null : closureOf(formDim, formCode);
    Mapping.Forms forms = md.forms();
    formSlot = forms == null ? -1 : fields.add(forms.field(), true);
    if (forms != null) {
      new TreeSet<>(forms.codes().values()).forEach(formTargets::add);
    }
    if (forms != null && !formTargets.contains("UNK") && formDim.contains("UNK")) {
      formTargets.add("UNK");
    }
    unkBit = formTargets.indexOf("UNK");

    Mapping.IdentifiedBy by = md.identifiedBy();
    decidedBySlot = by == null ? -1 : fields.add(by.field(), false);
    if (by != null) {
      by.authorities().forEach(a -> authorities.add(a.trim().toLowerCase(Locale.ROOT)));
    }
    for (Mapping.Exclusion x : mapping.exclude()) {
      List<String> keys = new ArrayList<>(new TreeSet<>(x.where().keySet()));
      int[] slots = new int[keys.size()];
      String[] values = new String[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        slots[i] = fields.add(keys.get(i), false);
        values[i] = x.where().get(keys.get(i)).trim();
      }
      exclusions.add(new Exclusion(slots, values, x.reason()));
    }
    layout = new ProfileLayout(geoDim.codes().size(), model.lastYear() - model.firstYear() + 1, legDim.codes().size(),
        vsDim.codes().size(), sexDim.codes().size(), ageClosure.length, 4, formTargets.size());
  }

  private static int index(Dimension d, String code) {
    return d.codes().indexOf(d.code(code));
  }

  /** The code and its parents up to the total, as a person in that code counts in all of them. */
  static String[] closureOf(Dimension d, String code) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String c = code; c != null && out.add(c); ) {
      Code k = d.code(c);
      c = k == null ? null : k.parent();
    }
    if (d.total() != null) {
      out.add(d.total());
    }
    return out.toArray(String[]::new);
  }

  /** Which record fields each legal status reads: the dimensions its tables break down. */
  private int[] legUses() {
    int[] uses = new int[legDim.codes().size()];
    for (Table t : ref.tables()) {
      int bits = 0;
      for (String d : t.breakdowns().keySet()) {
        bits |= switch (d) {
          case "victim_status" -> USES_VS;
          case "sex" -> USES_SEX;
          case "age" -> USES_AGE;
          case "citizen" -> USES_CIT;
          case "exploitation" -> USES_FORMS;
          default -> 0;
        };
      }
      String fixed = t.fixed().get("leg_stat");
      for (int i = 0; i < uses.length; i++) {
        if (fixed == null || fixed.equals(legDim.codes().get(i).code())) {
          uses[i] |= bits;
        }
      }
    }
    return uses;
  }

  int uses(int legIndex) {
    return legUses[legIndex];
  }

  /**
   * Age classes: whole years cut at 18 and at the bounds of every band of the breakdowns asked for;
   * each class's closure is its main class (Y_LT18 or Y_GE18), the band of each breakdown it lies
   * in, and TOTAL. The last class is the unknown age.
   */
  private String[][] ageClasses(List<String> bands) {
    TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 18));
    List<Code> bandCodes = new ArrayList<>();
    for (Code c : ageDim.codes()) {
      if (c.breakdown() != null && bands.contains(c.breakdown())) {
        AgeBand b = AgeBand.of(c.code());
        if (b != null) {
          bandCodes.add(c);
          cuts.add(b.from());
          if (b.to() < AgeBand.OPEN) {
            cuts.add(b.to());
          }
        }
      }
    }
    List<Integer> from = new ArrayList<>(cuts);
    List<String[]> closures = new ArrayList<>();
    for (int i = 0; i < from.size(); i++) {
      int lo = from.get(i);
      int hi = i + 1 < from.size() ? from.get(i + 1) : AgeBand.OPEN;
      for (int a = lo; a < hi; a++) {
        classOfAge[a] = i;
      }
      LinkedHashSet<String> codes = new LinkedHashSet<>();
      codes.add(lo < 18 ? "Y_LT18" : "Y_GE18");
      for (Code c : bandCodes) {
        if (AgeBand.of(c.code()).contains(lo)) {
          codes.add(c.code());
        }
      }
      codes.add(ageDim.total());
      closures.add(codes.toArray(String[]::new));
    }
    closures.add(new String[] {"UNK", ageDim.total()});
    return closures.toArray(String[][]::new);
  }

  // ------------------------------------------------------------------ one record

  /** Profiles one record: COUNTED (see {@link #profile}), EXCLUDED ({@link #excludedReason}) or REJECTED ({@link #rejections}). */
  int process(CaseRecord r) {
    rejections.clear();
    geoCode = null;
    if (!r.readable()) {
      Map<String, Object> details = new LinkedHashMap<>(r.unreadableDetails);
      details.put("record", r.number);
      rejections.add(new Rejection(r.unreadableRule, r.unreadableField, "", details));
      return REJECTED;
    }
    for (Exclusion x : exclusions) {
      if (x.matches(r)) {
        excludedReason = x.reason();
        return EXCLUDED;
      }
    }
    int g = geo.resolve(r);
    if (g >= 0) {
      geoCode = geoDim.codes().get(g).code();
    }
    int l = leg.resolve(r);
    int date = referenceDate(r);
    int year = date < 0 ? -1 : date / 10000;
    int uses = l < 0 ? 0 : legUses[l];
    int s = (uses & USES_SEX) != 0 ? sex.resolve(r) : 0;
    int v = (uses & USES_VS) != 0 ? victimStatus(r) : 0;
    int a = (uses & USES_AGE) != 0 && date >= 0 ? ageClass(r, date) : 0;
    int c = (uses & USES_CIT) != 0 && year >= 0 && g >= 0 ? citizenship(r, geoCode, year) : 0;
    long f = (uses & USES_FORMS) != 0 ? forms(r) : 0;
    if (!rejections.isEmpty()) {
      return REJECTED;
    }
    profile = layout.pack(g, year - model.firstYear(), l, v, s, a, c, f);
    return COUNTED;
  }

  private void reject(String rule, CaseRecord r, int slot, String value, Object... pairs) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("record", r.number);
    details.put("value", value);
    details.put("column", slot < 0 ? "" : fields.name(slot));
    details.put("mapping", mapping.id());
    for (int i = 0; i < pairs.length; i += 2) {
      details.put((String) pairs[i], pairs[i + 1]);
    }
    rejections.add(new Rejection(rule, slot < 0 ? "" : fields.name(slot), value, details));
  }

  private int referenceDate(CaseRecord r) {
    String text = r.text(dateSlot);
    int date = datePattern.read(text);
    String reason = null;
    if (date < 0) {
      reason = text.isEmpty() ? "is empty: the date of the reference event is needed to place the person in a reference year"
          : "is not a date of the form " + datePattern.pattern();
    } else if (date / 10000 < model.firstYear() || date / 10000 > model.lastYear()) {
      reason = "is a date of " + date / 10000 + ", outside the reference years " + model.firstYear() + " to " + model.lastYear();
      date = -1;
    }
    if (reason != null) {
      reject("CASE_DATE_INVALID", r, dateSlot, text, "reason", reason, "format", datePattern.pattern(),
          "first", model.firstYear(), "last", model.lastYear());
    }
    return date;
  }

  private int victimStatus(CaseRecord r) {
    int v = vs.resolve(r);
    if (v == identIndex && decidedBySlot >= 0 && !authorities.contains(r.text(decidedBySlot).toLowerCase(Locale.ROOT))) {
      return presumedIndex;
    }
    return v;
  }

  private int ageClass(CaseRecord r, int date) {
    if (ageConstant != null) {
      return 0;
    }
    String birth = birthSlot < 0 ? "" : r.text(birthSlot);
    if (!birth.isEmpty() && !ageUnknown.contains(birth.toLowerCase(Locale.ROOT))) {
      int born = birthPattern.read(birth);
      String format = birthPattern.pattern();
      if (born < 0) {
        reject("CASE_AGE_INVALID", r, birthSlot, birth, "reason", "is not a date of the form " + format, "format", format);
        return -1;
      }
      int age = DatePattern.ageOn(born, date);
      if (age < 0) {
        reject("CASE_AGE_INVALID", r, birthSlot, birth, "reason", "is after the date of the reference event (" + date + ")", "format", format);
        return -1;
      }
      if (age >= AgeBand.OPEN) {
        reject("CASE_AGE_INVALID", r, birthSlot, birth, "reason", "gives an age of " + age + " years, more than " + (AgeBand.OPEN - 1), "format", format);
        return -1;
      }
      return classOfAge[age];
    }
    String years = ageSlot < 0 ? "" : r.text(ageSlot);
    if (years.isEmpty() || ageUnknown.contains(years.toLowerCase(Locale.ROOT))) {
      return ageClosure.length - 1;
    }
    int age = wholeYears(years);
    if (age < 0 || age >= AgeBand.OPEN) {
      reject("CASE_AGE_INVALID", r, ageSlot, years, "reason", "is not an age in whole years from 0 to " + (AgeBand.OPEN - 1),
          "format", birthPattern.pattern());
      return -1;
    }
    return classOfAge[age];
  }

  /** A whole number of years ("17", also "17.0" as JSON numbers may be written), or -1. */
  static int wholeYears(String s) {
    int n = s.length();
    int dot = s.indexOf('.');
    int end = dot < 0 ? n : dot;
    if (end == 0 || end > 3) {
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
    for (int i = end + 1; i < n; i++) {
      if (s.charAt(i) != '0') {
        return -1;
      }
    }
    return dot == n - 1 ? -1 : v;
  }

  // ------------------------------------------------------------------ citizenship

  private int citizenship(CaseRecord r, String reporting, int year) {
    if (citConstant != null) {
      return 0;
    }
    int best = CIT_UNK;
    boolean rejected = false;
    if (r.isList[citSlot]) {
      for (String token : r.lists.get(citSlot)) {
        int g = citizenshipGroup(r, token, reporting, year);
        rejected |= g < 0;
        best = g < 0 ? best : Math.min(best, g);
      }
    } else {
      String text = r.values[citSlot] == null ? "" : r.values[citSlot];
      int from = 0;
      while (true) {
        int sep = text.indexOf(separator, from);
        String token = sep < 0 ? (from == 0 ? text : text.substring(from)) : text.substring(from, sep);
        int g = citizenshipGroup(r, token, reporting, year);
        rejected |= g < 0;
        best = g < 0 ? best : Math.min(best, g);
        if (sep < 0) {
          break;
        }
        from = sep + 1;
      }
    }
    return rejected ? -1 : best;
  }

  /**
   * The group of one citizenship: NAT (the reporting country), EU_FOR (another Member State of the
   * EU of the reference year), NEU_FOR (any other country, or stateless), CIT_UNK; -1 if invalid.
   * A person with several citizenships is in the first of NAT, EU_FOR, NEU_FOR they hold.
   */
  private int citizenshipGroup(CaseRecord r, String token, String reporting, int year) {
    Integer iso = citCache.get(token);
    if (iso == null) {
      iso = isoOf(token);
      if (citCache.size() < CACHE_LIMIT) {
        citCache.put(token, iso);
      }
    }
    if (iso == ISO_UNKNOWN) {
      return CIT_UNK;
    }
    if (iso == ISO_STATELESS) {
      return NEU_FOR;
    }
    if (iso == ISO_INVALID) {
      reject("CASE_CITIZENSHIP_INVALID", r, citSlot, token.trim(), "stateless",
          stateless.isEmpty() ? "a code the mapping lists as stateless" : String.join(" or ", mapping.microdata().citizenship().stateless()));
      return -1;
    }
    String g = isoGeo[iso];
    if (g != null && g.equals(reporting)) {
      return NAT;
    }
    byte[] member = euMember[iso];
    int y = year - model.firstYear();
    if (member[y] == 0) {
      member[y] = (byte) (g != null && seeds.isEuMember(g, year) ? 2 : 1);
    }
    return member[y] == 2 ? EU_FOR : NEU_FOR;
  }

  private int isoOf(String token) {
    String t = token.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (citUnknown.contains(lower)) {
      return ISO_UNKNOWN;
    }
    if (stateless.contains(lower)) {
      return ISO_STATELESS;
    }
    String mapped = mapping.microdata().citizenship().codes().get(t);
    Integer i = isoIndex.get(mapped != null ? mapped : t.toUpperCase(Locale.ROOT));
    return i == null ? ISO_INVALID : i;
  }

  /** The citizenship code of a group in a reference year: EU28 groups up to 2019, EU27_2020 from 2020. */
  String citizenCode(int group, int year) {
    String eu = seeds.euOf(year).code();
    return switch (group) {
      case NAT -> "NAT";
      case EU_FOR -> eu + "_FOR";
      case NEU_FOR -> "N" + eu + "_FOR";
      default -> "UNK";
    };
  }

  String[] citizenClosure(int group, int year) {
    return citConstant != null ? citConstant : new String[] {citizenCode(group, year), citDim.total()};
  }

  // ------------------------------------------------------------------ forms of exploitation

  private long forms(CaseRecord r) {
    if (formConstant != null) {
      return 0;
    }
    long mask = 0;
    boolean rejected = false;
    if (r.isList[formSlot]) {
      for (String token : r.lists.get(formSlot)) {
        long bit = formBit(r, token);
        rejected |= bit < 0;
        mask |= Math.max(bit, 0);
      }
    } else {
      String text = r.values[formSlot] == null ? "" : r.values[formSlot];
      int from = 0;
      while (true) {
        int sep = text.indexOf(separator, from);
        String token = sep < 0 ? (from == 0 ? text : text.substring(from)) : text.substring(from, sep);
        long bit = formBit(r, token);
        rejected |= bit < 0;
        mask |= Math.max(bit, 0);
        if (sep < 0) {
          break;
        }
        from = sep + 1;
      }
    }
    if (rejected) {
      return -1;
    }
    long unk = 1L << unkBit;
    if (mask == 0) {
      return unk;
    }
    return mask == unk ? mask : mask & ~unk;
  }

  /** The bit of one national value (0 for an empty one), or -1 after a rejection. */
  private long formBit(CaseRecord r, String token) {
    Integer bit = formCache.get(token);
    if (bit == null) {
      String t = token.trim();
      if (t.isEmpty()) {
        bit = -2;
      } else {
        String code = mapping.microdata().forms().codes().get(t);
        bit = code == null ? -1 : formTargets.indexOf(code);
      }
      if (formCache.size() < CACHE_LIMIT) {
        formCache.put(token, bit);
      }
    }
    if (bit == -2) {
      return 0;
    }
    if (bit == -1) {
      reject("CASE_CODE_UNMAPPED", r, formSlot, token.trim(), "dimension", "exploitation",
          "known", known(mapping.microdata().forms().codes()));
      return -1;
    }
    return 1L << bit;
  }

  /** The codes a person with these forms counts in: each form, its parents, the total. */
  String[] formClosure(long mask) {
    if (formConstant != null) {
      return formConstant;
    }
    return formClosures.computeIfAbsent(mask, m -> {
      LinkedHashSet<String> codes = new LinkedHashSet<>();
      for (int b = 0; b < formTargets.size(); b++) {
        if ((m & (1L << b)) != 0) {
          codes.addAll(List.of(closureOf(formDim, formTargets.get(b))));
        }
      }
      return codes.toArray(String[]::new);
    });
  }

  /** How many forms (not counting UNK) and how many groups below the total a set of forms spans. */
  int[] formSpread(long mask) {
    if (formConstant != null) {
      return new int[] {1, 1};
    }
    Set<String> groups = new HashSet<>();
    int forms = 0;
    for (int b = 0; b < formTargets.size(); b++) {
      if ((mask & (1L << b)) != 0 && b != unkBit) {
        forms++;
        String[] closure = closureOf(formDim, formTargets.get(b));
        groups.add(closure.length >= 2 ? closure[closure.length - 2] : closure[0]);
      }
    }
    return new int[] {forms, groups.size()};
  }

  /** The codes directly below the exploitation total other than UNK (SEX, LAB_SERV, ORG_OTH). */
  List<String> formGroups() {
    return formDim.codes().stream().filter(c -> formDim.total().equals(c.parent()) && !c.code().equals("UNK")).map(Code::code).toList();
  }

  String[] closure(Dimension d, String[] constant, int index) {
    return constant != null ? constant : closureOf(d, d.codes().get(index).code());
  }

  String[] ageConstant() {
    return ageConstant;
  }

  // ------------------------------------------------------------------ coded fields

  private static String known(Map<String, String> codes) {
    return String.join(", ", codes.keySet().stream().map(k -> k.isEmpty() ? "(empty)" : k).toList());
  }

  /**
   * A dimension given by a constant or by a coded field: its value's index in the dimension's code
   * list, -1 after a rejection. National codes are matched trimmed and ignoring case; the exact
   * text read is cached.
   */
  private final class Coded {
    private final Dimension dim;
    private final int constant;
    private final int slot;
    private final Map<String, String> codes;
    private final Map<String, Integer> cache = new HashMap<>();

    Coded(Dimension dim) {
      this.dim = dim;
      String c = mapping.constants().get(dim.id());
      Mapping.Column col = mapping.dimensions().get(dim.id());
      if (c == null && col == null && dim.id().equals(Dimension.GEO)) {
        c = mapping.country();
      }
      this.constant = c == null ? -1 : index(dim, c);
      this.slot = col == null ? -1 : fields.add(col.column(), false);
      this.codes = col == null ? null : col.codes();
    }

    int resolve(CaseRecord r) {
      if (slot < 0) {
        return constant;
      }
      String raw = r.values[slot] == null ? "" : r.values[slot];
      Integer i = cache.get(raw);
      if (i == null) {
        i = lookup(raw.trim());
        if (cache.size() < CACHE_LIMIT) {
          cache.put(raw, i);
        }
      }
      if (i < 0) {
        reject("CASE_CODE_UNMAPPED", r, slot, raw.trim(), "dimension", dim.id(),
            "known", codes != null ? known(codes) : dim.id().equals(Dimension.GEO)
                ? "the Eurostat geo codes or ISO 3166 alpha-2 codes of the countries of seeds/geo.csv" : "the codes of schemas/codelists for " + dim.id());
      }
      return i;
    }

    private int lookup(String t) {
      String code;
      if (codes != null) {
        code = codes.get(t);
      } else if (dim.id().equals(Dimension.GEO)) {
        code = seeds.geoOf(t.toUpperCase(Locale.ROOT));
        code = code == null || seeds.members().containsKey(code) ? null : code; // a country, not an aggregate
      } else {
        code = dim.contains(t) ? t : null;
      }
      return code == null || !dim.contains(code) ? -1 : index(dim, code);
    }
  }
}
