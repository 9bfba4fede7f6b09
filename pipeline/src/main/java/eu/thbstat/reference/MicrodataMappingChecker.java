package eu.thbstat.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The checks of a mapping of case-level records (format microdata) that JSON Schema cannot
 * express: which dimensions the record fields give, codes, date patterns, age bands and ISO codes.
 * Called by the loader's mapping checks; each problem is reported at a JSON pointer of the file.
 */
final class MicrodataMappingChecker {
  /** The dimensions a coded field of a case record may give through "dimensions". */
  static final Set<String> CODED = Set.of(Dimension.GEO, "leg_stat", "victim_status", "sex");

  private final CommonModel model;
  private final Seeds seeds;
  private final BiConsumer<String, String> problem;

  MicrodataMappingChecker(CommonModel model, Seeds seeds, BiConsumer<String, String> problem) {
    this.model = model;
    this.seeds = seeds;
    this.problem = problem;
  }

  /** The dimensions the microdata section gives, with the pointer of the part that gives each. */
  static Map<String, String> dimensionsGiven(Mapping m) {
    Map<String, String> given = new LinkedHashMap<>();
    Mapping.Microdata md = m.microdata();
    if (!m.isMicrodata() || md == null) {
      return given;
    }
    if (md.referenceDate() != null) {
      given.put(Dimension.TIME, "/microdata/reference_date");
    }
    if (md.age() != null) {
      given.put("age", "/microdata/age");
    }
    if (md.citizenship() != null) {
      given.put("citizen", "/microdata/citizenship");
    }
    if (md.forms() != null) {
      given.put("exploitation", "/microdata/forms");
    }
    return given;
  }

  void check(Mapping m) {
    boolean cases = "cases".equals(m.layout());
    if (m.isMicrodata() != cases) {
      problem.accept("/layout", "format microdata goes with layout cases, and layout cases with format microdata");
    }
    if (!m.isMicrodata()) {
      if (m.microdata() != null) {
        problem.accept("/microdata", "only a mapping of format microdata has a microdata section");
      }
      return;
    }
    Mapping.Microdata md = m.microdata();
    if (md == null) {
      problem.accept("/microdata", "a mapping of format microdata needs a microdata section (at least reference_date)");
      return;
    }
    if (m.value() != null) {
      problem.accept("/value", "case-level records have no value column: each record is one person, and thbstat counts them");
    }
    if (m.wide() != null) {
      problem.accept("/wide", "case-level records have no wide layout");
    }
    if (!"NR".equals(m.constants().get(Dimension.UNIT))) {
      problem.accept("/constants", "case-level records are counted: give unit as the constant NR");
    }
    if (m.inlineFlags() || !m.flags().columns().isEmpty()) {
      problem.accept("/flags", "case-level records carry no observation flags; say what applies to all cells in definitions and footnotes");
    }
    m.dimensions().forEach((dim, col) -> {
      String pointer = "/dimensions/" + dim;
      if (!CODED.contains(dim)) {
        problem.accept(pointer, "in a mapping of case-level records, fields give only " + String.join(", ", CODED.stream().sorted().toList())
            + " through \"dimensions\"; " + dim + " is a constant or is given by the microdata section");
      } else if (col.codes() != null && model.hasDimension(dim)) {
        Dimension d = model.dimension(dim);
        col.codes().forEach((nat, code) -> {
          if (code.equals(d.total())) {
            problem.accept(pointer + "/codes/" + nat, "a person is in one " + dim + " code, not in the total " + code);
          } else if (dim.equals("victim_status") && d.contains(code) && !d.total().equals(d.code(code).parent())) {
            problem.accept(pointer + "/codes/" + nat, "a victim is identified or presumed: map to a code below " + d.total() + ", not " + code
                + " (the field is read for victims only)");
          }
        });
      }
    });
    for (String dim : List.of("victim_status", "sex", "age", "citizen", "exploitation")) {
      String code = m.constants().get(dim);
      if (code != null && model.hasDimension(dim) && code.equals(model.dimension(dim).total())) {
        problem.accept("/constants/" + dim, "a person is in one " + dim + " code, not in the total " + code
            + (dim.equals("victim_status") ? "; use IDENT or PRESUMED (what the file's victims are)" : "; use UNK when it is not recorded"));
      }
    }
    if (md.multiSeparator().equals(m.csv().delimiter()) && !"ndjson".equals(md.records()) && !"json".equals(md.records())) {
      problem.accept("/microdata/multi_separator", "the separator of multi-select values must differ from the CSV delimiter \"" + m.csv().delimiter() + "\"");
    }
    if (md.referenceDate() != null) {
      checkDatePattern(md.referenceDate().format(), "/microdata/reference_date/format");
    }
    if (md.age() != null) {
      checkAge(md.age());
    }
    if (md.citizenship() != null) {
      md.citizenship().codes().forEach((nat, iso) -> {
        if (!seeds.isIsoCountry(iso)) {
          problem.accept("/microdata/citizenship/codes/" + nat, "\"" + iso + "\" is not an ISO 3166-1 alpha-2 code of seeds/iso3166.csv");
        }
      });
    }
    if (md.forms() != null && model.hasDimension("exploitation")) {
      Dimension d = model.dimension("exploitation");
      md.forms().codes().forEach((nat, code) -> {
        String pointer = "/microdata/forms/codes/" + nat;
        if (!d.contains(code)) {
          problem.accept(pointer, "\"" + code + "\" is not a code of the exploitation code list");
        } else if (code.equals(d.total())) {
          problem.accept(pointer, "a form of exploitation is a code below " + code + ", not " + code + " itself");
        }
      });
    }
  }

  private void checkAge(Mapping.Age age) {
    if (age.birthDate() == null && age.age() == null) {
      problem.accept("/microdata/age", "give the field of the birth date (birth_date), of the age in years (age), or both");
    }
    checkDatePattern(age.birthDateFormat(), "/microdata/age/birth_date_format");
    if (!model.hasDimension("age")) {
      return;
    }
    Dimension d = model.dimension("age");
    for (String main : List.of("Y_LT18", "Y_GE18", "UNK")) {
      if (!d.contains(main)) {
        problem.accept("/microdata/age", "the age code list needs " + main + " to count case records");
      }
    }
    for (int i = 0; i < age.bands().size(); i++) {
      String band = age.bands().get(i);
      String pointer = "/microdata/age/bands/" + i;
      List<Code> codes = d.codes().stream().filter(c -> band.equals(c.breakdown())).toList();
      if (codes.isEmpty()) {
        problem.accept(pointer, band + " is not a breakdown of the age code list ("
            + String.join(", ", d.codes().stream().map(Code::breakdown).filter(b -> b != null).distinct().toList()) + ")");
        continue;
      }
      Map<String, List<AgeBand>> byParent = new LinkedHashMap<>();
      for (Code c : codes) {
        AgeBand b = AgeBand.of(c.code());
        if (b == null) {
          problem.accept(pointer, "the code " + c.code() + " of breakdown " + band + " is not an age band of the form Y_LTn, Yn-m or Y_GEn");
          continue;
        }
        byParent.computeIfAbsent(c.parent(), p -> new ArrayList<>()).add(b);
      }
      byParent.forEach((parent, bands) -> {
        AgeBand whole = parent == null ? null : AgeBand.of(parent);
        if (whole == null) {
          problem.accept(pointer, "the parent " + parent + " of breakdown " + band + " is not an age band");
          return;
        }
        for (int age1 = whole.from(); age1 < whole.to(); age1++) {
          int a = age1;
          long covering = bands.stream().filter(b -> b.contains(a)).count();
          if (covering != 1) {
            problem.accept(pointer, "the bands of breakdown " + band + " cover age " + a + " " + covering + " times; they must split " + parent + " exactly");
            return;
          }
        }
      });
    }
  }

  /** A date pattern is yyyy, MM and dd once each, with any separators that are not letters. */
  void checkDatePattern(String pattern, String pointer) {
    if (DatePattern.parse(pattern) == null) {
      problem.accept(pointer, "\"" + pattern + "\" is not a date pattern of yyyy, MM and dd with separators (e.g. yyyy-MM-dd, dd.MM.yyyy)");
    }
  }
}
