package eu.thbstat.output;

import java.io.Serializable;

/**
 * What the manifest says about the run itself. No clock time: the same inputs and reference data
 * give byte-identical releases.
 *
 * @param input the input folder as the user named it
 */
public record RunInfo(String version, String runner, String input) implements Serializable {

  /** thbstat's version from the jar manifest, or "dev" when run from classes. */
  public static String thbstatVersion() {
    String v = RunInfo.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
