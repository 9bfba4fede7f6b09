package eu.thbstat.testing;

import eu.thbstat.harmonise.LocalHarmoniser;
import eu.thbstat.harmonise.Release;
import eu.thbstat.model.CellKey;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.ReferenceData;
import eu.thbstat.reference.ReferenceDataLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The repository's own data folders and helpers to look cells up by their codes. */
public final class TestData {
  private static ReferenceData ref;

  private TestData() {}

  /** The repository root (Surefire sets thbstat.home; from an IDE, found above the working directory). */
  public static Path home() {
    String property = System.getProperty("thbstat.home");
    if (property != null) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("schemas/dimensions.yaml"))) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the thbstat home above " + Path.of("").toAbsolutePath());
  }

  public static synchronized ReferenceData ref() {
    if (ref == null) {
      ref = ReferenceDataLoader.load(home());
    }
    return ref;
  }

  public static Path sampleInputs() {
    return home().resolve("sample-inputs");
  }

  /** A test resource file of this module. */
  public static Path resource(String name) {
    return home().resolve("pipeline/src/test/resources").resolve(name);
  }

  public static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A thbstat home in {@code dir} with the repository's schemas/ and seeds/ and the given mapping
   * files (name to YAML text) as its only mappings.
   */
  public static Path homeWith(Path dir, java.util.Map<String, String> mappings) {
    try {
      for (String folder : List.of("schemas", "seeds")) {
        Path from = home().resolve(folder);
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
          for (Path f : files.toList()) {
            Path to = dir.resolve(folder).resolve(from.relativize(f).toString());
            if (Files.isDirectory(f)) {
              Files.createDirectories(to);
            } else {
              Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
          }
        }
      }
      Files.createDirectories(dir.resolve("mappings"));
      for (java.util.Map.Entry<String, String> m : mappings.entrySet()) {
        Files.writeString(dir.resolve("mappings").resolve(m.getKey()), m.getValue());
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A thbstat home in {@code dir} with the repository's schemas/ and seeds/ and one mapping of a test's own. */
  public static Path homeWith(Path dir, String mappingName, String mapping) throws IOException {
    for (String folder : List.of("schemas", "seeds")) {
      Path from = home().resolve(folder);
      try (java.util.stream.Stream<Path> files = Files.walk(from)) {
        for (Path f : files.toList()) {
          Path to = dir.resolve(folder).resolve(from.relativize(f).toString());
          if (Files.isDirectory(f)) {
            Files.createDirectories(to);
          } else {
            Files.copy(f, to);
          }
        }
      }
    }
    Files.createDirectories(dir.resolve("mappings"));
    Files.writeString(dir.resolve("mappings").resolve(mappingName), mapping);
    return dir;
  }

  /** Harmonises files without Beam, each read with the mapping its name selects. */
  public static Release harmonise(Path... files) {
    List<LocalHarmoniser.Input> inputs = java.util.Arrays.stream(files)
        .map(f -> new LocalHarmoniser.Input(f.getFileName().toString(), bytes(f), null))
        .toList();
    return new LocalHarmoniser(ref()).harmonise(inputs);
  }

  /**
   * The key of a cell: geo, time, leg_stat, victim_status, sex, age, citizen, exploitation, unit.
   */
  public static CellKey key(String... codes) {
    return new CellKey(List.of(codes));
  }

  /** A count of registered victims (victim status TOTAL) with the given breakdowns. */
  public static CellKey victims(String geo, int year, String sex, String age, String citizen, String exploitation) {
    return key(geo, Integer.toString(year), "PER_VICT", "TOTAL", sex, age, citizen, exploitation, "NR");
  }

  public static Optional<Observation> cell(List<Observation> cells, CellKey key) {
    return cells.stream().filter(o -> o.key().equals(key)).findFirst();
  }

  public static double value(List<Observation> cells, CellKey key) {
    Observation o = cell(cells, key).orElseThrow(() -> new AssertionError("no cell " + key));
    if (o.value() == null) {
      throw new AssertionError("cell " + key + " is not available");
    }
    return o.value();
  }
}
