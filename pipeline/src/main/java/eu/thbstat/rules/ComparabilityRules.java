package eu.thbstat.rules;

import java.io.Serializable;
import java.util.List;

/**
 * How comparability grades are given (schemas/rules/comparability.yaml): the grades, best first, and
 * the reasons that lower a country x table x year to a grade.
 *
 * @param notProvided the grade of a table of which no cell is given
 */
public record ComparabilityRules(List<Grade> grades, Grade notProvided, List<Reason> reasons) implements Serializable {

  public static final ComparabilityRules NONE =
      new ComparabilityRules(List.of(new Grade("A", "comparable")), new Grade("N", "not provided"), List.of());

  public ComparabilityRules {
    grades = List.copyOf(grades);
    reasons = List.copyOf(reasons);
  }

  public record Grade(String grade, String label) implements Serializable {}

  /**
   * One reason.
   *
   * @param kind what gives it: {@code definition} (a mapping's national definition, {@code concept}
   *     one of {@code values}), {@code finding} (a finding of a rule in {@code values} on a cell of the
   *     table), {@code flag} (a cell of the table with a flag in {@code values}), {@code
   *     cell_definition} (a cell flagged d although the mapping's definitions do not flag d: a code
   *     mapped non-exactly, e.g. an age band straddling 18), {@code incomplete} (fewer cells given
   *     than asked) or {@code population_flag} (rates on a population flagged in
   *     seeds/population_flags.csv)
   * @param breakdown the reason concerns only tables that break down this dimension (null: all)
   * @param legStat the reason concerns only tables of this legal status (null: all)
   * @param footnote text of a footnote put on the cells concerned (null: none)
   */
  public record Reason(
      String id, String grade, String text, String kind, String concept, List<String> values,
      String breakdown, String legStat, String footnote) implements Serializable {
    public Reason {
      values = List.copyOf(values);
    }
  }

  /** Rank of a grade: 0 for the best. */
  public int rank(String grade) {
    for (int i = 0; i < grades.size(); i++) {
      if (grades.get(i).grade().equals(grade)) {
        return i;
      }
    }
    return grades.size();
  }

  public String label(String grade) {
    if (grade.equals(notProvided.grade())) {
      return notProvided.label();
    }
    return grades.stream().filter(g -> g.grade().equals(grade)).map(Grade::label).findFirst().orElse(grade);
  }

  /** Id of the footnote a reason puts on cells. */
  public static String footnoteId(Reason r) {
    return "comparability#" + r.id();
  }
}
