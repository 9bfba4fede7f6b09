package eu.thbstat.report;

import java.util.List;
import java.util.TreeSet;

/**
 * The reference years a report covers: a range ("2021-2022"), one year ("2022") or a list
 * ("2019,2021"), in increasing order.
 */
public record Period(List<Integer> years) {

  public Period {
    if (years.isEmpty()) {
      throw new IllegalArgumentException("a period has at least one year");
    }
    years = List.copyOf(new TreeSet<>(years));
  }

  /** Parses "2021-2022", "2022" or "2019,2021"; throws with the reason otherwise. */
  public static Period parse(String text) {
    String t = text.trim();
    TreeSet<Integer> years = new TreeSet<>();
    try {
      for (String part : t.split(",")) {
        String p = part.trim();
        int dash = p.indexOf('-', 1);
        if (dash > 0) {
          int from = Integer.parseInt(p.substring(0, dash).trim());
          int to = Integer.parseInt(p.substring(dash + 1).trim());
          if (to < from || to - from > 100) {
            throw new IllegalArgumentException("\"" + p + "\" is not a range of years from the earlier to the later");
          }
          for (int y = from; y <= to; y++) {
            years.add(y);
          }
        } else {
          years.add(Integer.parseInt(p));
        }
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a year, a range of years (2021-2022) or a list (2019,2021)");
    }
    return new Period(List.copyOf(years));
  }

  public int first() {
    return years.get(0);
  }

  public int last() {
    return years.get(years.size() - 1);
  }

  public boolean contains(int year) {
    return years.contains(year);
  }

  /** "2021-2022" for consecutive years, "2022" for one, "2019, 2021" otherwise. */
  public String label() {
    if (years.size() == 1) {
      return Integer.toString(first());
    }
    if (last() - first() + 1 == years.size()) {
      return first() + "-" + last();
    }
    return String.join(", ", years.stream().map(String::valueOf).toList());
  }

  /** Years as cube codes. */
  public List<String> codes() {
    return years.stream().map(String::valueOf).toList();
  }
}
