package eu.thbstat.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the thbstat home, the folder holding schemas/, seeds/ and mappings/: the --home option,
 * else $THBSTAT_HOME, else the nearest folder above the running jar, else above the working
 * directory.
 */
final class Home {
  private Home() {}

  static Path resolve(Path option) {
    if (option != null) {
      return option.toAbsolutePath().normalize();
    }
    String env = System.getenv("THBSTAT_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    try {
      Path jar = Path.of(Home.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path found = above(jar);
      if (found != null) {
        return found;
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall back to the working directory
    }
    Path cwd = Path.of("").toAbsolutePath();
    Path found = above(cwd);
    return found != null ? found : cwd;
  }

  private static Path above(Path start) {
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("schemas/dimensions.yaml"))) {
        return p.normalize();
      }
    }
    return null;
  }
}
