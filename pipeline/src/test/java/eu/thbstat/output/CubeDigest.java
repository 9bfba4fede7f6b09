package eu.thbstat.output;

import eu.thbstat.harmonise.Release;
import eu.thbstat.reference.ReferenceDataLoader;
import eu.thbstat.testing.TestData;

/** Prints the SHA-256 of cube.parquet for the German sample file: run in a JVM of its own by ParquetFooterTest. */
public final class CubeDigest {
  private CubeDigest() {}

  public static void main(String[] args) {
    Release r = TestData.harmonise(TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv"));
    System.out.println(ReferenceDataLoader.sha256(CubeParquet.write(TestData.ref().model(), r.observations())));
  }
}
