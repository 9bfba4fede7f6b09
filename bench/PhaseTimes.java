import eu.thbstat.harmonise.*;
import eu.thbstat.reference.*;
import java.nio.file.*;
import java.util.*;
/**
 * Benchmark helper (not a test): CPU time of the main thread for loading the reference data and
 * harmonising one submission, cold (first round, as in one `thbstat validate`) and warm (later
 * rounds in the same JVM). CPU time, unlike wall time, does not grow when other processes load
 * the machine. Run by bench/validate-bench.sh:
 *   java -cp "pipeline/target/thbstat.jar:pipeline/target/lib/*" bench/PhaseTimes.java HOME FILE
 */
public class PhaseTimes {
  public static void main(String[] a) throws Exception {
    for (int i = 0; i < 4; i++) {
      var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long t0 = mx.getCurrentThreadCpuTime();
      ReferenceData ref = ReferenceDataLoader.load(Path.of(a[0]));
      long t1 = mx.getCurrentThreadCpuTime();
      byte[] b = Files.readAllBytes(Path.of(a[1]));
      Release r = new LocalHarmoniser(ref).harmonise(List.of(new LocalHarmoniser.Input(Path.of(a[1]).getFileName().toString(), b, null)));
      long t2 = mx.getCurrentThreadCpuTime();
      System.out.printf("round %d (main-thread CPU): load %d ms, harmonise %d ms (%d cells, %d findings)%n", i, (t1-t0)/1000000, (t2-t1)/1000000, r.observations().size(), r.findings().size());
    }
  }
}
