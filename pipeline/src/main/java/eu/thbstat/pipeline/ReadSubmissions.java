package eu.thbstat.pipeline;

import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads every submission file under an input folder: matches the files, reads each with the
 * mapping its name selects, maps and checks its cells (levels 0 and 1) inside the reading DoFn.
 *
 * <p>Output: {@link Stage#OBSERVATIONS} (mapped cells), {@link Stage#FINDINGS}, {@link
 * Stage#QUARANTINE} (rejected records with the original record), {@link Stage#FILES} (one report
 * per file, with the counts the manifest reconciles). An unreadable file or one no mapping applies
 * to gives findings; the other files go on. Bounded input.
 *
 * <p>Files of case-level records (format microdata) are streamed ({@code ReadableFile.open()}) and
 * counted inside the DoFn: it emits the file's cells, never one element per record.
 */
public final class ReadSubmissions extends PTransform<PBegin, PCollectionTuple> {
  private final String input;
  private final ReferenceData ref;
  private eu.thbstat.ingest.InputLimits limits = eu.thbstat.ingest.InputLimits.DEFAULT;

  private ReadSubmissions(String input, ReferenceData ref) {
    this.input = input;
    this.ref = ref;
  }

  /** The same reading with other bounds on file and line sizes. */
  public ReadSubmissions withLimits(eu.thbstat.ingest.InputLimits bounds) {
    this.limits = bounds;
    return this;
  }

  /** @param input the folder of submissions (local path or any Beam file system URI) */
  public static ReadSubmissions from(String input, ReferenceData ref) {
    // Local folders are made absolute and normal, as the file system reports the files it matches.
    String folder = input.contains("://") ? input : java.nio.file.Path.of(input).toAbsolutePath().normalize().toString();
    return new ReadSubmissions(folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder, ref);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    return Stage.withCoders(
        begin
            .apply("MatchFiles", FileIO.match().filepattern(input + "/**"))
            .apply("OpenFiles", FileIO.readMatches())
            .apply("ParseAndMap",
                ParDo.of(new ParseAndMapFn(input, ref, limits))
                    .withOutputTags(Stage.OBSERVATIONS, TupleTagList.of(Stage.FINDINGS).and(Stage.QUARANTINE).and(Stage.FILES).and(Stage.SOURCES))));
  }

  /** Reads one file with {@link SubmissionProcessor}; counts files and records as Beam metrics. */
  static final class ParseAndMapFn extends DoFn<FileIO.ReadableFile, eu.thbstat.model.Observation> {
    private final Counter files = Metrics.counter(ReadSubmissions.class, "files");
    private final Counter records = Metrics.counter(ReadSubmissions.class, "records_read");
    private final Counter rejected = Metrics.counter(ReadSubmissions.class, "records_quarantined");
    private final String input;
    private final ReferenceData ref;
    private final eu.thbstat.ingest.InputLimits limits;
    private transient SubmissionProcessor processor;

    ParseAndMapFn(String input, ReferenceData ref, eu.thbstat.ingest.InputLimits limits) {
      this.input = input;
      this.ref = ref;
      this.limits = limits;
    }

    @Setup
    public void setup() {
      processor = new SubmissionProcessor(ref, limits);
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      String path = file.getMetadata().resourceId().toString();
      String relative = path.startsWith(input + "/") ? path.substring(input.length() + 1) : path;
      long size = file.getMetadata().sizeBytes();
      java.util.Optional<eu.thbstat.reference.Mapping> mapping =
          SubmissionProcessor.isDocumentation(relative) ? java.util.Optional.empty() : ref.mappingFor(relative);
      FileResult result;
      if (size > processor.limits().maxFileBytes() && !(mapping.isPresent() && SubmissionProcessor.streams(mapping.get()))) {
        result = processor.tooLarge(relative, size, sha256(file));
      } else if (mapping.isPresent() && SubmissionProcessor.streams(mapping.get())) {
        // case-level records: streamed and counted, never the whole file in memory
        try (java.io.InputStream in = java.nio.channels.Channels.newInputStream(file.open())) {
          result = processor.process(relative, in, mapping.get());
        }
      } else {
        result = processor.process(relative, file.readFullyAsBytes());
      }
      files.inc();
      records.inc(result.report().recordsRead());
      rejected.inc(result.quarantine().size());
      result.observations().forEach(out.get(Stage.OBSERVATIONS)::output);
      result.findings().forEach(out.get(Stage.FINDINGS)::output);
      result.quarantine().forEach(out.get(Stage.QUARANTINE)::output);
      out.get(Stage.FILES).output(result.report());
      result.sources().forEach(out.get(Stage.SOURCES)::output);
    }

    /** SHA-256 of a file read as a stream (for a file too large to hold). */
    private static String sha256(FileIO.ReadableFile file) throws IOException {
      try (java.io.InputStream in = java.nio.channels.Channels.newInputStream(file.open())) {
        java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
        return java.util.HexFormat.of().formatHex(digest.digest());
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }
  }
}
