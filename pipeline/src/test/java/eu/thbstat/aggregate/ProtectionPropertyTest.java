package eu.thbstat.aggregate;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import eu.thbstat.harmonise.Release;
import eu.thbstat.harmonise.ReleaseSteps;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.model.Origin;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ProtectionSettings.Check;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.testing.TestData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Protection over many small random cubes (a seeded generator, so every run checks the same
 * cubes): after protection, no suppressed count of the public release can be worked out from the
 * published cells of the same release. Each cube has two to four Member States (registered victims
 * by sex x form of exploitation, some also by age, consistent totals, some breakdown codes never
 * given, some cells not available) and their published EU27_2020 aggregates. The derivations tested
 * are those of {@link Attacker}: one equation; any linear combination of the hierarchy equations
 * of every country and the EU aggregate equations (exact); and LP bounds with non-negativity.
 */
class ProtectionPropertyTest {
  private static final String[] COUNTRIES = {"LU", "MT", "CY", "EE", "LV", "SI", "LT"};
  private static final ReferenceData REF = Cells.anyCoverage();

  /** One random national cube: every cell of the margins of its leaves, with true values. */
  static List<Observation> randomCountry(Random rnd, String geo, int year, double ageShare) {
    boolean unkSex = rnd.nextDouble() < 0.7;
    boolean unkForm = rnd.nextDouble() < 0.6;
    boolean byAge = rnd.nextDouble() < ageShare;
    List<String> sexes = new ArrayList<>(List.of("F", "M"));
    if (unkSex) {
      sexes.add("UNK");
    }
    List<String> forms = new ArrayList<>(List.of("SEX", "LAB_SERV", "ORG_OTH"));
    if (unkForm) {
      forms.add("UNK");
    }
    List<String> ages = byAge ? List.of("Y_LT18", "Y_GE18", "UNK") : List.of("TOTAL");
    Map<String, Integer> leaves = new HashMap<>();
    for (String s : sexes) {
      for (String a : ages) {
        for (String f : forms) {
          leaves.put(s + "|" + a + "|" + f, small(rnd));
        }
      }
    }
    List<String> allSexes = new ArrayList<>(sexes);
    allSexes.add("T");
    List<String> allForms = new ArrayList<>(forms);
    allForms.add("TOTAL");
    List<String> allAges = new ArrayList<>(ages);
    if (byAge) {
      allAges.add("TOTAL");
    }
    List<Observation> cells = new ArrayList<>();
    for (String s : allSexes) {
      for (String a : allAges) {
        for (String f : allForms) {
          int v = 0;
          for (Map.Entry<String, Integer> l : leaves.entrySet()) {
            String[] p = l.getKey().split("\\|");
            if ((s.equals("T") || s.equals(p[0])) && (a.equals("TOTAL") || a.equals(p[1])) && (f.equals("TOTAL") || f.equals(p[2]))) {
              v += l.getValue();
            }
          }
          Double value = rnd.nextDouble() < 0.04 ? null : (double) v; // some cells not available
          cells.add(new Observation(TestData.victims(geo, year, s, a, "TOTAL", f), value, "", List.of(), Origin.REPORTED, geo + ".csv", 1));
        }
      }
    }
    return cells;
  }

  /** Counts with many small ones: 0 (30 %), 1-2 (30 %), 3-10 (25 %), 11-60 (15 %). */
  private static int small(Random rnd) {
    double u = rnd.nextDouble();
    if (u < 0.3) {
      return 0;
    } else if (u < 0.6) {
      return 1 + rnd.nextInt(2);
    } else if (u < 0.85) {
      return 3 + rnd.nextInt(8);
    }
    return 11 + rnd.nextInt(50);
  }

  /** A release of two to four countries (some by age) ... */
  static List<Observation> randomRelease(Random rnd, ReferenceData ref) {
    return randomRelease(rnd, ref, 2 + rnd.nextInt(3), 0.4);
  }

  static List<Observation> randomRelease(Random rnd, ReferenceData ref, int countries, double ageShare) {
    List<String> pool = new ArrayList<>(List.of(COUNTRIES));
    java.util.Collections.shuffle(pool, rnd);
    List<Observation> national = new ArrayList<>();
    for (String geo : pool.subList(0, countries)) {
      national.addAll(randomCountry(rnd, geo, 2022, ageShare));
    }
    national.addAll(new Rates(ref).compute(national).rates());
    return ReleaseSteps.apply(ref, new Release(national, List.of(), List.of(), List.of())).observations();
  }

  private record Outcome(int suppressed, int disclosedSingle, int disclosedLinear, int disclosedBounds, int disclosedInteger, int undecided, int derivedLeaks) {
    int disclosed() {
      return disclosedSingle + disclosedLinear + disclosedBounds + disclosedInteger + derivedLeaks;
    }
  }

  /** Protects a release and attacks it: linear always, LP bounds and integer search when asked. */
  private static Outcome attack(ReferenceData ref, List<Observation> cube, boolean bounds) {
    EuAggregates.Result eu = new EuAggregates(ref).compute(cube);
    Protection.Result p = new Protection(ref).protect(cube, eu.aggregates());
    Attacker attacker = new Attacker(ref, p.publicCells(), eu.aggregates());
    java.util.Set<CellKey> linear = attacker.linearlyDetermined();
    int single = 0;
    int lin = 0;
    int lp = 0;
    int integer = 0;
    int undecided = 0;
    for (Protection.Suppression s : p.suppressed().values()) {
      CellKey k = s.key();
      if (attacker.singleEquation(k)) {
        single++;
      }
      if (linear.contains(k)) {
        lin++;
      }
      if (bounds) {
        double[] b = attacker.bounds(k);
        if (b[1] - b[0] < 1e-6) {
          lp++;
        } else {
          Boolean other = attacker.anotherIntegerValue(k, s.value(), 200);
          if (other == null) {
            undecided++;
          } else if (!other) {
            integer++;
          }
        }
      }
    }
    return new Outcome(p.suppressed().size(), single, lin, lp, integer, undecided, derivedLeaks(ref, p));
  }

  /**
   * Published rates and shares that could not be computed from published counts: a rate needs its
   * count; a share, taken along the first dimension whose code has a parent, needs every known code
   * (not UNK) of one breakdown of that parent published.
   */
  private static int derivedLeaks(ReferenceData ref, Protection.Result p) {
    int unit = ref.model().index(Dimension.UNIT);
    java.util.Set<CellKey> publishedCounts = new java.util.HashSet<>();
    p.publicCells().stream().filter(o -> o.value() != null && o.key().get(unit).equals("NR")).forEach(o -> publishedCounts.add(o.key()));
    int leaks = 0;
    for (Observation o : p.publicCells()) {
      String u = o.key().get(unit);
      if (u.equals("NR") || o.value() == null) {
        continue;
      }
      CellKey count = o.key().with(unit, "NR");
      boolean fromPublished = publishedCounts.contains(count);
      if (u.equals("PC")) {
        int d = 0;
        while (d < ref.model().dimensions().size() && !hasParent(ref, d, count.get(d))) {
          d++;
        }
        boolean someBreakdown = false;
        for (HierarchyRule r : ref.model().hierarchies()) {
          if (r.dimension() == d && r.components().contains(count.get(d))) {
            final int dim = d;
            someBreakdown |= r.components().stream().filter(c -> !ref.aggregation().unknownCodes().contains(c))
                .allMatch(c -> publishedCounts.contains(count.with(dim, c)));
          }
        }
        fromPublished &= someBreakdown;
      }
      if (!fromPublished) {
        leaks++;
      }
    }
    return leaks;
  }

  private static boolean hasParent(ReferenceData ref, int d, String code) {
    eu.thbstat.reference.Code c = ref.model().dimensions().get(d).code(code);
    return c != null && c.parent() != null;
  }

  @Test
  void noSuppressedCellCanBeWorkedOutByAnyCombinationOfEquations() {
    Random rnd = new Random(20240124);
    int suppressed = 0;
    for (int i = 0; i < 30; i++) {
      Outcome o = attack(REF, randomRelease(rnd, REF), false);
      suppressed += o.suppressed();
      assertThat("cube " + i + ": " + o, o.disclosed(), is(0));
    }
    assertThat(suppressed, greaterThan(30 * 10)); // the cubes do have many confidential cells
  }

  /**
   * Smaller releases (two countries, no age), attacked with non-negativity too: the least and
   * greatest value of every suppressed cell differ, and an integer solution of all equations
   * gives it another value than its own (branch and bound, at most 200 LPs per cell).
   */
  @Test
  void nonNegativityAndIntegralityDoNotPinASuppressedCellEither() {
    Random rnd = new Random(7);
    int suppressed = 0;
    int undecided = 0;
    for (int i = 0; i < 8; i++) {
      Outcome o = attack(REF, randomRelease(rnd, REF, 2, 0), true);
      suppressed += o.suppressed();
      undecided += o.undecided();
      assertThat("cube " + i + ": " + o, o.disclosed(), is(0));
    }
    assertThat(suppressed, greaterThan(8 * 5));
    assertThat(undecided, is(0));
  }

  @Test
  void singleEquationProtectionAloneIsDefeatedByCombiningEquations() {
    ReferenceData weak = Cells.with(REF.protection().withCheck(Check.SINGLE_EQUATION));
    weak = weak.withAggregation(REF.aggregation());
    Random rnd = new Random(20240124);
    int single = 0;
    int linear = 0;
    for (int i = 0; i < 20; i++) {
      Outcome o = attack(weak, randomRelease(rnd, weak), false);
      single += o.disclosedSingle();
      linear += o.disclosedLinear();
    }
    assertThat(single, is(0));
    assertThat(linear, greaterThan(0));
  }

  @Test
  void theGeneratorMakesConsistentCubes() {
    List<Observation> lu = randomCountry(new Random(1), "LU", 2022, 1);
    assertThat(lu.stream().filter(o -> o.value() != null && o.value() < 0).toList(), empty());
  }
}
