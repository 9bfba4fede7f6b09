package eu.thbstat.aggregate;

import eu.thbstat.model.CellKey;
import eu.thbstat.model.Flags;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Dimension;
import eu.thbstat.reference.HierarchyRule;
import eu.thbstat.reference.ProtectionSettings;
import eu.thbstat.reference.ReferenceData;
import java.util.ArrayList;
import java.util.Collection;
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
        state.suppress(o.key(), Reason.PRIMARY, null, "");
      } else if (settings.keepInputConfidential() && o.flags().contains(FLAG)) {
        state.suppress(o.key(), Reason.CONFIDENTIAL_IN_INPUT, null, "");
      }
    }
    boolean changed = !state.suppressed.isEmpty();
    while (changed) {
      changed = state.singleEquationPass();
      if (!changed && settings.check() == ProtectionSettings.Check.LINEAR) {
        changed = state.linearPass();
      }
    }
    Set<CellKey> derived = derivedSuppressions(cube, state.suppressed.keySet());
    List<Observation> publicCells = new ArrayList<>();
    for (Observation o : cube) {
      if (state.suppressed.containsKey(o.key()) || derived.contains(o.key())) {
        publicCells.add(new Observation(o.key(), null, Flags.union(o.flags(), FLAG), o.footnotes(), o.origin(), o.file(), o.line()));
      } else {
        publicCells.add(o);
      }
    }
    return new Result(java.util.Collections.unmodifiableMap(new TreeMap<>(state.suppressed)), derived, publicCells, equations);
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

  private final class State {
    final Map<CellKey, Double> values = new HashMap<>();
    final List<Equation> equations;
    final Map<CellKey, Suppression> suppressed = new TreeMap<>();

    State(List<Observation> cube, List<Equation> equations) {
      this.equations = equations;
      for (Observation o : cube) {
        if (isCount(o.key())) {
          values.put(o.key(), o.value());
        }
      }
    }

    boolean published(CellKey k) {
      return values.get(k) != null && !suppressed.containsKey(k);
    }

    void suppress(CellKey k, Reason reason, CellKey protects, String attack) {
      suppressed.put(k, new Suppression(k, values.get(k), reason, protects, attack));
    }

    /** The cheapest published cell among these: smallest count, a zero last (avoid_zeros), then key order. */
    CellKey cheapest(Collection<CellKey> candidates) {
      return candidates.stream().filter(this::published).min(Comparator
          .comparing((CellKey k) -> settings.avoidZeros() && values.get(k) == 0 ? 1 : 0)
          .thenComparing(values::get)
          .thenComparing(Comparator.naturalOrder())).orElseThrow();
    }

    /** Every equation whose only unknown is a suppressed cell gets a second suppression. */
    boolean singleEquationPass() {
      boolean changed = false;
      for (Equation e : equations) {
        List<CellKey> unknown = e.terms().keySet().stream().filter(k -> !published(k)).toList();
        if (unknown.size() == 1 && suppressed.containsKey(unknown.get(0)) && e.terms().size() > 1) {
          CellKey target = unknown.get(0);
          suppress(cheapest(e.terms().keySet()), Reason.SECONDARY_SINGLE_EQUATION, target, e.label());
          changed = true;
        }
      }
      return changed;
    }

    /**
     * Every group of equations linked by unknown cells is reduced; where a suppressed cell is
     * determined, the cheapest published cell of the combination that determines it is suppressed.
     */
    boolean linearPass() {
      List<Integer> active = activeEquations();
      // union-find over the unknown cells of the active equations
      Map<CellKey, CellKey> parent = new HashMap<>();
      for (int i : active) {
        CellKey first = null;
        for (CellKey k : equations.get(i).terms().keySet()) {
          if (!published(k)) {
            parent.putIfAbsent(k, k);
            if (first == null) {
              first = k;
            } else {
              union(parent, first, k);
            }
          }
        }
      }
      Map<CellKey, List<Integer>> components = new TreeMap<>();
      for (int i : active) {
        CellKey u = equations.get(i).terms().keySet().stream().filter(k -> !published(k)).findFirst().orElseThrow();
        components.computeIfAbsent(find(parent, u), r -> new ArrayList<>()).add(i);
      }
      boolean changed = false;
      Set<Integer> dirty = new HashSet<>();
      List<List<Integer>> ordered = new ArrayList<>(components.values());
      for (List<Integer> component : ordered) {
        if (component.stream().anyMatch(dirty::contains)) {
          continue;
        }
        CellKey added = breakOneAttack(component);
        if (added != null) {
          changed = true;
          for (int i = 0; i < equations.size(); i++) {
            if (equations.get(i).terms().containsKey(added)) {
              dirty.add(i);
            }
          }
        }
      }
      return changed;
    }

    /**
     * Equations holding an unknown cell, less those a free unknown (not available or never given,
     * not suppressed) appears in alone: such an equation can always be met by that cell and tells
     * nothing about the others. Repeated until none is left.
     */
    List<Integer> activeEquations() {
      Set<Integer> active = new TreeSet<>();
      Map<CellKey, Set<Integer>> freeIn = new HashMap<>();
      for (int i = 0; i < equations.size(); i++) {
        boolean any = false;
        for (CellKey k : equations.get(i).terms().keySet()) {
          if (!published(k)) {
            any = true;
            if (!suppressed.containsKey(k)) {
              freeIn.computeIfAbsent(k, x -> new HashSet<>()).add(i);
            }
          }
        }
        if (any) {
          active.add(i);
        }
      }
      java.util.ArrayDeque<CellKey> queue = new java.util.ArrayDeque<>();
      freeIn.forEach((k, in) -> {
        if (in.size() == 1) {
          queue.add(k);
        }
      });
      while (!queue.isEmpty()) {
        CellKey k = queue.poll();
        Set<Integer> in = freeIn.get(k);
        if (in.size() != 1) {
          continue;
        }
        int eq = in.iterator().next();
        active.remove(eq);
        for (CellKey other : equations.get(eq).terms().keySet()) {
          Set<Integer> otherIn = freeIn.get(other);
          if (otherIn != null && otherIn.remove(eq) && otherIn.size() == 1) {
            queue.add(other);
          }
        }
      }
      return List.copyOf(active);
    }

    /** Reduces one group of equations; suppresses one more cell if a suppressed cell is determined. */
    CellKey breakOneAttack(List<Integer> component) {
      TreeSet<CellKey> unknown = new TreeSet<>();
      TreeSet<CellKey> known = new TreeSet<>();
      for (int i : component) {
        for (CellKey k : equations.get(i).terms().keySet()) {
          (published(k) ? known : unknown).add(k);
        }
      }
      if (unknown.stream().noneMatch(suppressed::containsKey)) {
        return null;
      }
      List<CellKey> columns = new ArrayList<>(unknown);
      columns.addAll(known);
      Map<CellKey, Integer> index = new HashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        index.put(columns.get(c), c);
      }
      List<Map<Integer, BigFraction>> rows = new ArrayList<>();
      for (int i : component) {
        Map<Integer, BigFraction> row = new HashMap<>();
        equations.get(i).terms().forEach((k, v) -> row.put(index.get(k), v));
        rows.add(row);
      }
      Map<Integer, Map<Integer, BigFraction>> determined = RowReduction.determined(rows, unknown.size());
      for (Map.Entry<Integer, Map<Integer, BigFraction>> d : determined.entrySet()) {
        CellKey target = columns.get(d.getKey());
        if (!suppressed.containsKey(target)) {
          continue;
        }
        List<CellKey> used = d.getValue().keySet().stream().map(columns::get).toList();
        if (used.isEmpty()) {
          continue; // determined as 0 = 0 combination of unknowns only: nothing published to suppress
        }
        CellKey chosen = cheapest(used);
        suppress(chosen, Reason.SECONDARY_LINEAR, target, attack(target, d.getValue(), columns));
        return chosen;
      }
      return null;
    }
  }

  /** "x = a - b + ..." as an attacker would compute it. */
  static String attack(CellKey target, Map<Integer, BigFraction> coefficients, List<CellKey> columns) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Integer, BigFraction> e : coefficients.entrySet()) {
      BigFraction c = e.getValue().negate();
      boolean negative = c.compareTo(BigFraction.ZERO) < 0;
      String term = (c.abs().equals(BigFraction.ONE) ? "" : c.abs() + " * ") + columns.get(e.getKey());
      parts.add(parts.isEmpty() ? (negative ? "-" : "") + term : (negative ? "- " : "+ ") + term);
    }
    return target + " = " + String.join(" ", parts);
  }

  private static CellKey find(Map<CellKey, CellKey> parent, CellKey k) {
    CellKey root = k;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    while (!parent.get(k).equals(root)) {
      CellKey next = parent.get(k);
      parent.put(k, root);
      k = next;
    }
    return root;
  }

  private static void union(Map<CellKey, CellKey> parent, CellKey a, CellKey b) {
    CellKey ra = find(parent, a);
    CellKey rb = find(parent, b);
    if (!ra.equals(rb)) {
      if (ra.compareTo(rb) < 0) {
        parent.put(rb, ra);
      } else {
        parent.put(ra, rb);
      }
    }
  }
}
