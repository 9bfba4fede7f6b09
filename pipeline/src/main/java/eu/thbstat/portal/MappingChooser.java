package eu.thbstat.portal;

import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Chooses the mapping that reads an upload, among the mappings of the office's country only: those
 * of the sniffed format's family (a mapping of exactly the sniffed format first, e.g. sdmx-csv),
 * then the one the office chose in the form, else the first (in id order) whose {@code files}
 * patterns match the file name, else the country's only mapping of that family.
 */
public final class MappingChooser {
  private MappingChooser() {}

  /** The chosen mapping, or the finding details of why none could be chosen. */
  public record Choice(Mapping mapping, String problem) {
    public boolean chosen() {
      return mapping != null;
    }
  }

  public static Choice choose(ReferenceData ref, String country, ContentSniffer.Sniffed sniffed, String fileName, String requested) {
    List<Mapping> ofCountry = ref.mappingsOf(country).stream().sorted(Comparator.comparing(Mapping::id)).toList();
    if (ofCountry.isEmpty()) {
      return new Choice(null, "thbstat has no mapping for " + country + " yet");
    }
    List<Mapping> family = ofCountry.stream().filter(m -> ContentSniffer.familyOf(m.format()).equals(sniffed.family())).toList();
    if (requested != null && !requested.isBlank()) {
      Mapping m = ofCountry.stream().filter(x -> x.id().equals(requested)).findFirst().orElse(null);
      if (m == null) {
        return new Choice(null, "\"" + requested + "\" is not a mapping of " + country);
      }
      if (!family.contains(m)) {
        return new Choice(null, "mapping " + m.id() + " reads " + m.format() + " files and this file is " + sniffed.what());
      }
      return new Choice(m, "");
    }
    if (family.isEmpty()) {
      return new Choice(null, "no mapping of " + country + " reads " + sniffed.what() + " files (its mappings read: "
          + String.join(", ", ofCountry.stream().map(m -> m.id() + " " + m.format()).toList()) + ")");
    }
    List<Mapping> exact = family.stream().filter(m -> m.format().toLowerCase(Locale.ROOT).equals(sniffed.format())).toList();
    List<Mapping> candidates = exact.isEmpty() ? family : exact;
    for (Mapping m : candidates) {
      if (matchesName(m, fileName)) {
        return new Choice(m, "");
      }
    }
    if (candidates.size() == 1) {
      return new Choice(candidates.get(0), "");
    }
    return new Choice(null, "several mappings of " + country + " read " + sniffed.format() + " files and none names \"" + fileName
        + "\"; choose one of " + String.join(", ", candidates.stream().map(Mapping::id).toList()) + " in the form");
  }

  static boolean matchesName(Mapping m, String fileName) {
    Path name;
    try {
      name = Path.of(fileName).getFileName();
    } catch (InvalidPathException e) {
      return false;
    }
    if (name == null) {
      return false;
    }
    for (String pattern : m.files()) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      if (matcher.matches(name)) {
        return true;
      }
    }
    return false;
  }
}
