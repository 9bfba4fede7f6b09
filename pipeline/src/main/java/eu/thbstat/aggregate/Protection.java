package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ProtectionSettings;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Small-count protection of the public outputs (schemas/protection.yaml, docs/protection.md).
 *
 * <p>Primary suppression: counts (unit NR) from 1 to min_count - 1, and counts a country flagged c.
 * Secondary suppression: the counts are linked by equations, every hierarchy rule of the code lists
 * within one country and year (total = sum of components, taken as an equality even for the
 * non-additive forms of exploitation, which is the attacker's best guess) and every published EU
 * aggregate (= the sum of the countries that report it, plus estimated terms when estimation is on).
 * More cells are suppressed until no suppressed cell can be worked out from published ones: with
 * check single_equation, no equation may have exactly one unknown cell that is suppressed; with
 * check linear, no suppressed cell may be a linear combination of published cells under all
 * equations together, decided exactly by {@link RowReduction}. Unknown cells are the suppressed
 * ones, the not-available ones (':') and totals a country never gave; components a country never
 * gave count as known zeros (see {@link #equations}). Each secondary suppression is
 * the cheapest published cell the attack uses (the smallest count; a zero only when nothing else
 * can do, with avoid_zeros). Rates, shares and other cells derived from a suppressed count are
 * suppressed too. The restricted cube is not changed.
 */
public final class Protection {
  public static final String FLAG = "c";

  private final ReferenceData ref;
  private final ProtectionSettings settings;
  private final int geo;
  private final int unit;

  public Protection(ReferenceData ref) {
    this(ref, ref.protection());
  }

  public Protection(ReferenceData ref, ProtectionSettings settings) {
    this.ref = ref;
    this.settings = settings;
    this.geo = ref.model().index(Dimension.GEO);
    this.unit = ref.model().index(Dimension.UNIT);
  }

  /** Why a cell is suppressed. */
  public enum Reason {
    /** A count from 1 to min_count - 1. */
    PRIMARY,
    /** A count the country itself flagged confidential. */
    CONFIDENTIAL_IN_INPUT,
    /** The last unknown of an equation with a suppressed cell. */
    SECONDARY_SINGLE_EQUATION,
    /** Used by a combination of equations that would give a suppressed cell. */
    SECONDARY_LINEAR
  }

  /**
   * A suppressed count.
   *
   * @param protects for a secondary suppression, the cell whose disclosure it prevents
   * @param attack for a secondary suppression, the equation or combination it breaks
   */
  public record Suppression(CellKey key, double value, Reason reason, CellKey protects, String attack) {}

  /** A linear equation sum(coefficient x cell) = 0 between count cells. */
  public record Equation(String label, Map<CellKey, BigFraction> terms) {
    public Equation {
      terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }
  }

  /**
   * @param suppressed the suppressed counts, by key
   * @param derived the other cells (rates, shares) suppressed because a count they come from is
   * @param publicCells the cube as published: suppressed cells without value and with flag c
   */
  public record Result(Map<CellKey, Suppression> suppressed, Set<CellKey> derived, List<Observation> publicCells, List<Equation> equations) {

    public boolean isSuppressed(CellKey key) {
      return suppressed.containsKey(key) || derived.contains(key);
    }
  }

  public Result protect(List<Observation> cube, List<EuAggregates.Aggregate> aggregates) {
    List<Equation> equations = equations(cube, aggregates);
    State state = new State(cube, equations);
    for (Observation o : cube) {
      if (!o.available() || !isCount(o.key())) {
        continue;
      }
      if (o.value() > 0 && o.value() < settings.minCount()) {
        state.suppress(state.id(o.key()), Reason.PRIMARY, null, "");
      } else if (settings.keepInputConfidential() && o.flags().contains(FLAG)) {
        state.suppress(state.id(o.key()), Reason.CONFIDENTIAL_IN_INPUT, null, "");
      }
    }
    boolean changed = !state.suppressions.isEmpty();
    while (changed) {
      changed = state.singleEquationPass();
      if (!changed && settings.check() == ProtectionSettings.Check.LINEAR) {
        changed = state.linearPass();
      }
    }
    Map<CellKey, Suppression> suppressed = new TreeMap<>();
    state.suppressions.values().forEach(x -> suppressed.put(x.key(), x));
    Set<CellKey> derived = derivedSuppressions(cube, suppressed.keySet());
    List<Observation> publicCells = new ArrayList<>();
    for (Observation o : cube) {
      if (suppressed.containsKey(o.key()) || derived.contains(o.key())) {
        publicCells.add(new Observation(o.key(), null, Flags.union(o.flags(), FLAG), o.footnotes(), o.origin(), o.file(), o.line()));
      } else {
        publicCells.add(o);
      }
    }
    return new Result(java.util.Collections.unmodifiableMap(suppressed), derived, publicCells, equations);
  }

  private boolean isCount(CellKey key) {
    return key.get(unit).equals("NR");
  }

  private boolean isAggregate(String g) {
    return ref.seeds().aggregates().stream().anyMatch(a -> a.code().equals(g));
  }

  // ------------------------------------------------------------------ equations

  /**
   * The equations linking the count cells. For every country-year and every hierarchy rule, each
   * group of cells that share all other codes and hold at least one component of the rule: the
   * total minus the components. A cell the country never gave (no cell at all, not even ':') is an
   * unknown when it is the total of such a group (a total that could not be derived); otherwise it
   * is taken as a known 0, since an attacker would assume a country's breakdown complete (Germany
   * gives SEX and LAB_SERV only, and their sum is its total). For every published EU aggregate:
   * the aggregate minus its terms.
   */
  public List<Equation> equations(List<Observation> cube, List<EuAggregates.Aggregate> aggregates) {
    Set<CellKey> inCube = new HashSet<>();
    cube.forEach(o -> inCube.add(o.key()));
    record Group(HierarchyRule rule, CellKey key) {}
    List<Group> groups = new ArrayList<>();
    Set<CellKey> totals = new HashSet<>();
    for (HierarchyRule rule : ref.model().hierarchies()) {
      Set<String> codes = new HashSet<>(rule.components());
      Set<CellKey> keys = new TreeSet<>();
      for (Observation o : cube) {
        if (isCount(o.key()) && !isAggregate(o.key().get(geo)) && codes.contains(o.key().get(rule.dimension()))) {
          keys.add(o.key().with(rule.dimension(), "*"));
        }
      }
      for (CellKey g : keys) {
        groups.add(new Group(rule, g));
        totals.add(g.with(rule.dimension(), rule.total()));
      }
    }
    List<Equation> equations = new ArrayList<>();
    for (Group group : groups) {
      HierarchyRule rule = group.rule();
      CellKey g = group.key();
      Map<CellKey, BigFraction> terms = new LinkedHashMap<>();
      terms.put(g.with(rule.dimension(), rule.total()), BigFraction.ONE);
      List<String> zero = new ArrayList<>();
      for (String c : rule.components()) {
        CellKey k = g.with(rule.dimension(), c);
        if (inCube.contains(k) || totals.contains(k)) {
          terms.put(k, BigFraction.MINUS_ONE);
        } else {
          zero.add(c);
        }
      }
      equations.add(new Equation(rule.dimensionId() + ": " + rule.toVtl() + " at " + g
          + (zero.isEmpty() ? "" : " (not given, taken as 0: " + String.join(" ", zero) + ")"), terms));
    }
    for (EuAggregates.Aggregate a : aggregates) {
      if (!a.coverage().published() || !inCube.contains(a.cell().key())) {
        continue;
      }
      Map<CellKey, BigFraction> terms = new LinkedHashMap<>();
      terms.put(a.cell().key(), BigFraction.ONE);
      for (EuAggregates.Term t : a.terms()) {
        terms.merge(t.key(), new BigFraction(t.numerator(), t.denominator()).negate(), BigFraction::add);
      }
      equations.add(new Equation("EU aggregate " + a.cell().key() + " = sum of " + String.join(" ", a.coverage().countries())
          + (a.coverage().estimated().isEmpty() ? "" : " and estimates of " + String.join(" ", a.coverage().estimated())), terms));
    }
    return equations;
  }

  // ------------------------------------------------------------------ derived cells

  private Set<CellKey> derivedSuppressions(List<Observation> cube, Set<CellKey> suppressed) {
    Map<CellKey, List<CellKey>> shareSources = new Shares(ref).sources(cube);
    Set<CellKey> derived = new TreeSet<>();
    for (Observation o : cube) {
      if (isCount(o.key())) {
        continue;
      }
      List<CellKey> sources = o.key().get(unit).equals(Shares.UNIT) && shareSources.containsKey(o.key())
          ? shareSources.get(o.key())
          : List.of(o.key().with(unit, "NR"));
      if (sources.stream().anyMatch(suppressed::contains)) {
        derived.add(o.key());
      }
    }
    return derived;
  }

  // ------------------------------------------------------------------ the suppression state

  /** Cells by number, equations as arrays of cell numbers and coefficients. */
  private final class State {
    final List<CellKey> keys = new ArrayList<>();
    final Map<CellKey, Integer> ids = new HashMap<>();
    final double[] value; // NaN: not available, or never given
    final boolean[] suppressed;
    final List<Equation> equations;
    final int[][] cells;
    final Rational[][] coefficients;
    final List<List<Integer>> equationsOf = new ArrayList<>();
    final boolean[] peeled;
    final Map<Integer, Suppression> suppressions = new TreeMap<>();
    final Set<List<Integer>> safe = new HashSet<>();

    State(List<Observation> cube, List<Equation> equations) {
      this.equations = equations;
      List<Double> values = new ArrayList<>();
      for (Observation o : cube) {
        if (isCount(o.key()) && !ids.containsKey(o.key())) {
          ids.put(o.key(), keys.size());
          keys.add(o.key());
          values.add(o.available() ? o.value() : Double.NaN);
        }
      }
      cells = new int[equations.size()][];
      coefficients = new Rational[equations.size()][];
      for (int e = 0; e < equations.size(); e++) {
        Map<CellKey, BigFraction> terms = equations.get(e).terms();
        cells[e] = new int[terms.size()];
        coefficients[e] = new Rational[terms.size()];
        int t = 0;
        for (Map.Entry<CellKey, BigFraction> term : terms.entrySet()) {
          Integer id = ids.get(term.getKey());
          if (id == null) { // never given
            id = keys.size();
            ids.put(term.getKey(), id);
            keys.add(term.getKey());
            values.add(Double.NaN);
          }
          cells[e][t] = id;
          coefficients[e][t] = Rational.of(term.getValue());
          t++;
        }
      }
      value = values.stream().mapToDouble(Double::doubleValue).toArray();
      suppressed = new boolean[keys.size()];
      for (int i = 0; i < keys.size(); i++) {
        equationsOf.add(new ArrayList<>());
      }
      for (int e = 0; e < cells.length; e++) {
        for (int c : cells[e]) {
          equationsOf.get(c).add(e);
        }
      }
      peeled = peel();
    }

    int id(CellKey key) {
      return ids.get(key);
    }

    boolean published(int c) {
      return !Double.isNaN(value[c]) && !suppressed[c];
    }

    boolean free(int c) {
      return Double.isNaN(value[c]);
    }

    void suppress(int c, Reason reason, Integer protects, String attack) {
      suppressed[c] = true;
      suppressions.put(c, new Suppression(keys.get(c), value[c], reason, protects == null ? null : keys.get(protects), attack));
    }

    /**
     * Equations a free unknown (not available or never given, never suppressed) appears in alone
     * can always be met by that cell and tell nothing about the others: they are set aside, and
     * so on until none is left. Suppressions do not change this (they are never free).
     */
    boolean[] peel() {
      boolean[] out = new boolean[cells.length];
      int[] count = new int[keys.size()];
      for (int[] eq : cells) {
        for (int c : eq) {
          if (free(c)) {
            count[c]++;
          }
        }
      }
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
      for (int c = 0; c < count.length; c++) {
        if (count[c] == 1) {
          queue.add(c);
        }
      }
      while (!queue.isEmpty()) {
        int c = queue.poll();
        if (count[c] != 1) {
          continue;
        }
        for (int e : equationsOf.get(c)) {
          if (!out[e]) {
            out[e] = true;
            for (int other : cells[e]) {
              if (free(other) && --count[other] == 1) {
                queue.add(other);
              }
            }
          }
        }
      }
      return out;
    }

    /** The cheapest published cell among these: smallest count, a zero last (avoid_zeros), then key order. */
    int cheapest(List<Integer> candidates) {
      return candidates.stream().filter(this::published).min(Comparator
          .comparing((Integer c) -> settings.avoidZeros() && value[c] == 0 ? 1 : 0)
          .thenComparing(c -> value[c])
          .thenComparing(c -> keys.get(c))).orElseThrow();
    }

    /** Every equation whose only unknown is a suppressed cell gets a second suppression. */
    boolean singleEquationPass() {
      boolean changed = false;
      for (int e = 0; e < cells.length; e++) {
        int unknown = -1;
        int count = 0;
        for (int c : cells[e]) {
          if (!published(c)) {
            unknown = c;
            count++;
          }
        }
        if (count == 1 && suppressed[unknown] && cells[e].length > 1) {
          List<Integer> candidates = new ArrayList<>();
          for (int c : cells[e]) {
            candidates.add(c);
          }
          suppress(cheapest(candidates), Reason.SECONDARY_SINGLE_EQUATION, unknown, equations.get(e).label());
          changed = true;
        }
      }
      return changed;
    }

    /**
     * Each group of equations linked through unknown cells that holds a suppressed cell is reduced;
     * while a suppressed cell is determined, the cheapest published cell of the combination that
     * determines it is suppressed and the (grown) group reduced again. Groups found safe are
     * remembered: more suppressions elsewhere cannot make them unsafe.
     */
    boolean linearPass() {
      boolean changed = false;
      Set<Integer> done = new HashSet<>();
      for (int target : new ArrayList<>(suppressions.keySet())) {
        if (done.contains(target)) {
          continue;
        }
        while (true) {
          TreeSet<Integer> unknown = new TreeSet<>();
          TreeSet<Integer> component = component(target, unknown);
          List<Integer> signature = List.copyOf(unknown);
          if (safe.contains(signature)) {
            done.addAll(unknown);
            break;
          }
          if (!breakAttacks(component, unknown)) {
            safe.add(signature);
            done.addAll(unknown);
            break;
          }
          changed = true;
        }
      }
      return changed;
    }

    /** The equations (not set aside) linked to a cell through unknown cells; fills {@code unknown}. */
    TreeSet<Integer> component(int start, Set<Integer> unknown) {
      TreeSet<Integer> eqs = new TreeSet<>();
      java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
      unknown.add(start);
      queue.add(start);
      while (!queue.isEmpty()) {
        int c = queue.poll();
        for (int e : equationsOf.get(c)) {
          if (peeled[e] || !eqs.add(e)) {
            continue;
          }
          for (int other : cells[e]) {
            if (!published(other) && unknown.add(other)) {
              queue.add(other);
            }
          }
        }
      }
      return eqs;
    }

    /**
     * Breaks the attacks on the suppressed cells this group determines: for each, in key order,
     * unless a cell already taken in this round is part of its attack, the cheapest published cell
     * of the attack is suppressed (the caller reduces the group again). False if none is determined.
     */
    boolean breakAttacks(Set<Integer> component, TreeSet<Integer> unknown) {
      List<Integer> columns = new ArrayList<>(unknown);
      TreeSet<Integer> known = new TreeSet<>();
      for (int e : component) {
        for (int c : cells[e]) {
          if (published(c)) {
            known.add(c);
          }
        }
      }
      columns.addAll(known);
      Map<Integer, Integer> index = new HashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        index.put(columns.get(i), i);
      }
      List<Map<Integer, Rational>> rows = new ArrayList<>();
      for (int e : component) {
        Map<Integer, Rational> row = new HashMap<>();
        for (int t = 0; t < cells[e].length; t++) {
          row.merge(index.get(cells[e][t]), coefficients[e][t], Rational::add);
        }
        rows.add(row);
      }
      List<CellKey> columnKeys = columns.stream().map(keys::get).toList();
      Set<Integer> taken = new HashSet<>();
      for (Map.Entry<Integer, Map<Integer, Rational>> d : RowReduction.determined(rows, unknown.size()).entrySet()) {
        int target = columns.get(d.getKey());
        if (!suppressed[target] || d.getValue().isEmpty()) {
          continue; // a free cell, or 0 = 0 among unknowns only (inconsistent data): nothing published to take
        }
        List<Integer> used = d.getValue().keySet().stream().map(columns::get).toList();
        if (used.stream().anyMatch(taken::contains)) {
          continue; // this round already takes a cell of its attack: reduced again next round
        }
        int chosen = cheapest(used);
        suppress(chosen, Reason.SECONDARY_LINEAR, target, attack(keys.get(target), d.getValue(), columnKeys));
        taken.add(chosen);
      }
      return !taken.isEmpty();
    }
  }

  /** "x = a - b + ..." as an attacker would compute it. */
  static String attack(CellKey target, Map<Integer, Rational> coefficients, List<CellKey> columns) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Integer, Rational> e : coefficients.entrySet()) {
      Rational c = e.getValue().negate();
      boolean negative = c.compareTo(Rational.ZERO) < 0;
      Rational abs = negative ? c.negate() : c;
      String term = (abs.isOne() ? "" : abs + " * ") + columns.get(e.getKey());
      parts.add(parts.isEmpty() ? (negative ? "-" : "") + term : (negative ? "- " : "+ ") + term);
    }
    return target + " = " + String.join(" ", parts);
  }

}
