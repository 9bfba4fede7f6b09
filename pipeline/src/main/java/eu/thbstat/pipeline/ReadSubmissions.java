package eu.thbstat.pipeline;

import eu.thbstat.ingest.FileResult;
import eu.thbstat.ingest.InputLimits;
import eu.thbstat.ingest.LineRange;
import eu.thbstat.ingest.SubmissionProcessor;
import eu.thbstat.ingest.microdata.CasePartial;
import eu.thbstat.ingest.microdata.MicrodataReader;
import eu.thbstat.model.CellBatch;
import eu.thbstat.model.CellSource;
import eu.thbstat.reference.Dimension;
import eu.thbstat.model.Observation;
import eu.thbstat.reference.Mapping;
import eu.thbstat.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads every submission file under an input folder: matches the files, cuts large files of case
 * records into byte-range splits, reads each file or split with the mapping its name selects, and
 * maps and checks its cells (levels 0 and 1) inside the reading DoFn.
 *
 * <p>The shape avoids Beam's per-element cost: a file of case records is parsed, mapped and counted
 * inside the DoFn that reads it (or a split of it), which emits one partial count by profile, never
 * one element per record; the partials of a file's splits are added up by a combiner (lifted: the
 * runner merges them before the shuffle), and the file's cells are made once from the sum. Cells
 * then travel as one {@link CellBatch} per file and country.
 *
 * <p>Output: {@link Stage#OBSERVATIONS} (the mapped cells, batched, with their lineage), {@link
 * Stage#FINDINGS}, {@link Stage#QUARANTINE} (rejected records), {@link Stage#FILES} (one report per
 * file, with the counts the manifest reconciles). An unreadable file or one no mapping applies to
 * gives findings; the other files go on. Bounded input.
 */
public final class ReadSubmissions extends PTransform<PBegin, PCollectionTuple> {
  /** Default size of the byte-range splits of large files of case records: 64 MiB. */
  public static final long DEFAULT_SPLIT_BYTES = 64L << 20;

  private static final TupleTag<FileResult> WHOLE = new TupleTag<>() {};
  private static final TupleTag<KV<String, CasePartial>> PARTIAL = new TupleTag<>() {};

  private final String input;
  private final ReferenceData ref;
  private InputLimits limits = InputLimits.DEFAULT;
  private long splitBytes = DEFAULT_SPLIT_BYTES;

  private ReadSubmissions(String input, ReferenceData ref) {
    this.input = input;
    this.ref = ref;
  }

  /** The same reading with other bounds on file and line sizes. */
  public ReadSubmissions withLimits(InputLimits bounds) {
    this.limits = bounds;
    return this;
  }

  /** The same reading with splits of this size (0: every file read whole, by one worker). */
  public ReadSubmissions withSplitBytes(long bytes) {
    this.splitBytes = bytes;
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
    PCollectionTuple read = begin
        .apply("MatchFiles", FileIO.match().filepattern(input + "/**"))
        .apply("OpenFiles", FileIO.readMatches().withCompression(Compression.UNCOMPRESSED))
        .apply("PlanSplits", ParDo.of(new PlanSplitsFn(input, ref, splitBytes)))
        .setCoder(SerializableCoder.of(FileSplit.class))
        // spreads the splits over the workers (on the DirectRunner: over its threads)
        .apply("SpreadSplits", Reshuffle.viaRandomKey())
        .apply("ParseAndMap", ParDo.of(new ReadSplitFn(ref, limits)).withOutputTags(WHOLE, TupleTagList.of(PARTIAL)));
    read.get(WHOLE).setCoder(SerializableCoder.of(FileResult.class));
    PCollection<FileResult> merged = read.get(PARTIAL)
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SerializableCoder.of(CasePartial.class)))
        .apply("AddUpSplits", Combine.perKey(new AddUpSplits()))
        .apply("CountSplitFiles", ParDo.of(new FinishFileFn(ref)))
        .setCoder(SerializableCoder.of(FileResult.class));
    return Stage.withCoders(PCollectionList.of(read.get(WHOLE)).and(merged)
        .apply("AllFiles", Flatten.pCollections())
        .apply("BatchByCountry", ParDo.of(new UnpackFn(ref))
            .withOutputTags(Stage.OBSERVATIONS, TupleTagList.of(Stage.FINDINGS).and(Stage.QUARANTINE).and(Stage.FILES))));
  }

  /** The counters of thbstat's readers (cli.Progress shows them while a pipeline runs). */
  static final class Counters {
    static final Counter FILES = Metrics.counter(ReadSubmissions.class, "files");
    static final Counter RECORDS = Metrics.counter(ReadSubmissions.class, "records_read");
    static final Counter REJECTED = Metrics.counter(ReadSubmissions.class, "records_quarantined");
    static final Counter SPLITS = Metrics.counter(ReadSubmissions.class, "splits_read");

    private Counters() {}
  }

  /** One split per file, or several for a large file of case records a split can read. */
  static final class PlanSplitsFn extends DoFn<FileIO.ReadableFile, FileSplit> {
    private final String input;
    private final ReferenceData ref;
    private final long splitBytes;

    PlanSplitsFn(String input, ReferenceData ref, long splitBytes) {
      this.input = input;
      this.ref = ref;
      this.splitBytes = splitBytes;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, OutputReceiver<FileSplit> out) {
      String path = file.getMetadata().resourceId().toString();
      String relative = path.startsWith(input + "/") ? path.substring(input.length() + 1) : path;
      long size = file.getMetadata().sizeBytes();
      Optional<Mapping> mapping = SubmissionProcessor.isDocumentation(relative) ? Optional.empty() : ref.mappingFor(relative);
      int count = 1;
      if (splitBytes > 0 && size > splitBytes && mapping.isPresent() && mapping.get().isMicrodata()
          && MicrodataReader.splittable(mapping.get(), relative)) {
        count = (int) Math.min(Integer.MAX_VALUE, (size + splitBytes - 1) / splitBytes);
      }
      for (int i = 0; i < count; i++) {
        long start = i * (size / count);
        long end = i == count - 1 ? size : (i + 1) * (size / count);
        out.output(new FileSplit(path, relative, mapping.map(Mapping::id).orElse(null), size, i, count, start, end));
      }
    }
  }

  /**
   * Reads a whole file ({@link SubmissionProcessor}) or one split of a file of case records
   * ({@link MicrodataReader#readSplit}); counts files, records and splits as Beam metrics, the
   * records every 65 536 as they are read.
   */
  static final class ReadSplitFn extends DoFn<FileSplit, FileResult> {
    private final ReferenceData ref;
    private final InputLimits limits;
    private transient SubmissionProcessor processor;
    private transient MicrodataReader microdata;

    ReadSplitFn(ReferenceData ref, InputLimits limits) {
      this.ref = ref;
      this.limits = limits;
    }

    @Setup
    public void setup() {
      processor = new SubmissionProcessor(ref, limits);
      microdata = new MicrodataReader(ref);
    }

    @ProcessElement
    public void process(@Element FileSplit split, MultiOutputReceiver out) throws IOException {
      ResourceId id = FileSystems.matchNewResource(split.path(), false);
      Optional<Mapping> mapping = Optional.ofNullable(split.mappingId()).map(ref::mapping);
      boolean streams = mapping.isPresent() && SubmissionProcessor.streams(mapping.get());
      Counters.SPLITS.inc();
      if (!split.whole()) {
        byte[] header = null;
        if (split.index() > 0) {
          try (InputStream start = Channels.newInputStream(FileSystems.open(id))) {
            header = MicrodataReader.header(mapping.get(), split.relative(), start);
          }
        }
        SeekableByteChannel channel = (SeekableByteChannel) FileSystems.open(id);
        try (LineRange range = LineRange.of(channel, split.start(), split.end())) {
          CasePartial partial = microdata.readSplit(split.relative(), mapping.get(), range, header, split.index(), split.count(), Counters.RECORDS::inc);
          out.get(PARTIAL).output(KV.of(split.relative(), partial));
        }
        return;
      }
      FileResult result;
      Compression compression = Compression.detect(split.relative());
      if (split.size() > processor.limits().maxFileBytes() && !streams) {
        result = processor.tooLarge(split.relative(), split.size(), sha256(id));
      } else if (streams) {
        // case-level records: streamed and counted, never the whole file in memory
        try (InputStream in = Channels.newInputStream(compression.readDecompressed(FileSystems.open(id)))) {
          // counted as they are read, for the progress of long files
          result = microdata.read(split.relative(), in, mapping.get(), Counters.RECORDS::inc);
        }
      } else {
        byte[] bytes;
        try (InputStream in = Channels.newInputStream(compression.readDecompressed(FileSystems.open(id)))) {
          bytes = in.readAllBytes();
        }
        result = processor.process(split.relative(), bytes);
      }
      Counters.FILES.inc();
      if (!streams) {
        Counters.RECORDS.inc(result.report().recordsRead());
      }
      Counters.REJECTED.inc(result.quarantine().size());
      out.get(WHOLE).output(result);
    }

    /** SHA-256 of a file read as a stream (for a file too large to hold). */
    private static String sha256(ResourceId id) throws IOException {
      try (InputStream in = Channels.newInputStream(FileSystems.open(id))) {
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

  /** Adds up the partial counts of a file's splits (a combiner the runner lifts before the shuffle). */
  static final class AddUpSplits extends Combine.CombineFn<CasePartial, AddUpSplits.Sum, CasePartial> {
    /** The sum so far; null before the first split. */
    static final class Sum implements java.io.Serializable {
      private static final long serialVersionUID = 1L;
      CasePartial partial;
    }

    @Override
    public Sum createAccumulator() {
      return new Sum();
    }

    @Override
    public Sum addInput(Sum sum, CasePartial input) {
      sum.partial = sum.partial == null ? input : sum.partial.merge(input);
      return sum;
    }

    @Override
    public Sum mergeAccumulators(Iterable<Sum> sums) {
      Sum all = new Sum();
      for (Sum s : sums) {
        if (s.partial != null) {
          all.partial = all.partial == null ? s.partial : all.partial.merge(s.partial);
        }
      }
      return all;
    }

    @Override
    public CasePartial extractOutput(Sum sum) {
      return sum.partial;
    }

    @Override
    public org.apache.beam.sdk.coders.Coder<Sum> getAccumulatorCoder(org.apache.beam.sdk.coders.CoderRegistry registry,
        org.apache.beam.sdk.coders.Coder<CasePartial> inputCoder) {
      return SerializableCoder.of(Sum.class);
    }
  }

  /** A file read in splits: its cells, findings and report from the sum of its splits. */
  static final class FinishFileFn extends DoFn<KV<String, CasePartial>, FileResult> {
    private final ReferenceData ref;
    private transient MicrodataReader microdata;

    FinishFileFn(ReferenceData ref) {
      this.ref = ref;
    }

    @Setup
    public void setup() {
      microdata = new MicrodataReader(ref);
    }

    @ProcessElement
    public void process(@Element KV<String, CasePartial> file, OutputReceiver<FileResult> out) {
      CasePartial partial = file.getValue();
      FileResult result = microdata.finish(partial, ref.mapping(partial.mappingId()));
      Counters.FILES.inc();
      Counters.REJECTED.inc(result.quarantine().size());
      out.output(result);
    }
  }

  /** A file's result as the stages' outputs: its cells (and their lineage) one batch per country. */
  static final class UnpackFn extends DoFn<FileResult, CellBatch> {
    private final int geo;

    UnpackFn(ReferenceData ref) {
      this.geo = ref.model().index(Dimension.GEO);
    }

    @ProcessElement
    public void process(@Element FileResult result, MultiOutputReceiver out) {
      Map<String, List<Observation>> cells = new TreeMap<>();
      Map<String, List<CellSource>> sources = new TreeMap<>();
      for (Observation o : result.observations()) {
        cells.computeIfAbsent(o.key().get(geo), g -> new ArrayList<>()).add(o);
      }
      for (CellSource s : result.sources()) {
        sources.computeIfAbsent(s.key().get(geo), g -> new ArrayList<>()).add(s);
      }
      java.util.Set<String> countries = new java.util.TreeSet<>(cells.keySet());
      countries.addAll(sources.keySet());
      for (String country : countries) {
        out.get(Stage.OBSERVATIONS).output(new CellBatch(country, cells.getOrDefault(country, List.of()), sources.getOrDefault(country, List.of())));
      }
      result.findings().forEach(out.get(Stage.FINDINGS)::output);
      result.quarantine().forEach(out.get(Stage.QUARANTINE)::output);
      out.get(Stage.FILES).output(result.report());
    }
  }
}
