package eu.thbstat.portal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which uploads a harmonisation run takes: for each country and reference year, the latest
 * accepted upload (ACCEPTED or WARNINGS) that gives cells of that year. An upload chosen for some
 * of its years only gives those: its other years are taken from later uploads.
 */
public final class Selection {
  private final Map<String, Map<String, Upload>> byCountryYear;

  private Selection(Map<String, Map<String, Upload>> byCountryYear) {
    this.byCountryYear = byCountryYear;
  }

  public static Selection of(Collection<Upload> uploads) {
    Map<String, Map<String, Upload>> chosen = new TreeMap<>();
    List<Upload> ordered = new ArrayList<>(uploads);
    ordered.sort(Upload.ORDER);
    for (Upload u : ordered) {
      if (!u.status().accepted()) {
        continue;
      }
      for (String year : u.years()) {
        chosen.computeIfAbsent(u.country(), c -> new TreeMap<>()).put(year, u); // later uploads win
      }
    }
    return new Selection(chosen);
  }

  /** The chosen upload by country, then year. */
  public Map<String, Map<String, Upload>> byCountryYear() {
    return byCountryYear;
  }

  /** The chosen uploads, in upload order, each with the years it is chosen for. */
  public Map<Upload, TreeSet<String>> uploads() {
    Map<String, Upload> byId = new TreeMap<>();
    Map<String, TreeSet<String>> years = new TreeMap<>();
    byCountryYear.values().forEach(m -> m.forEach((year, u) -> {
      byId.put(u.id() + "/" + u.country(), u);
      years.computeIfAbsent(u.id() + "/" + u.country(), k -> new TreeSet<>()).add(year);
    }));
    Map<Upload, TreeSet<String>> out = new LinkedHashMap<>();
    byId.forEach((k, u) -> out.put(u, years.get(k)));
    return out;
  }

  /** The upload chosen for a country's year, or null. */
  public Upload chosen(String country, String year) {
    Map<String, Upload> m = byCountryYear.get(country);
    return m == null ? null : m.get(year);
  }

  public boolean isEmpty() {
    return byCountryYear.isEmpty();
  }

  /** The selection as the run's selection.json lists it: one entry per country and year. */
  public List<Map<String, Object>> describe() {
    List<Map<String, Object>> rows = new ArrayList<>();
    byCountryYear.forEach((country, years) -> years.forEach((year, u) -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("country", country);
      row.put("year", year);
      row.put("upload", u.id());
      row.put("file", u.storedFile());
      row.put("original_name", u.originalName());
      row.put("sha256", u.sha256());
      row.put("uploaded_at", u.uploadedAt());
      row.put("uploader", u.uploader());
      row.put("mapping", u.mapping());
      row.put("status", u.status().name());
      rows.add(row);
    }));
    return rows;
  }
}
