package eu.thbstat.output;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import eu.thbstat.harmonise.Release;
import eu.thbstat.testing.TestData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;

/** The Parquet cube is the same bytes whatever order parquet-mr listed each column's encodings in. */
class ParquetFooterTest {
  private static byte[] cube() {
    Release r = TestData.harmonise(TestData.sampleInputs().resolve("DE/DE_indicator_16-2-2.csv"));
    return CubeParquet.write(TestData.ref().model(), r.observations());
  }

  private static FileMetaData footer(byte[] file) throws Exception {
    int length = ByteBuffer.wrap(file, file.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Util.readFileMetaData(new ByteArrayInputStream(file, file.length - 8 - length, length));
  }

  /** The same file with every encodings list in descending order, as another JVM may write it. */
  private static byte[] reversed(byte[] file) throws Exception {
    FileMetaData meta = footer(file);
    meta.getRow_groups().forEach(g -> g.getColumns().forEach(c -> {
      List<Encoding> e = new ArrayList<>(c.getMeta_data().getEncodings());
      e.sort(Collections.reverseOrder((a, b) -> Integer.compare(a.getValue(), b.getValue())));
      c.getMeta_data().setEncodings(e);
    }));
    ByteArrayOutputStream footer = new ByteArrayOutputStream();
    Util.writeFileMetaData(meta, footer);
    byte[] out = file.clone();
    System.arraycopy(footer.toByteArray(), 0, out, file.length - 8 - footer.size(), footer.size());
    return out;
  }

  @Test
  void everyColumnListsItsEncodingsInAscendingOrder() throws Exception {
    int withSeveral = 0;
    for (ColumnChunk c : footer(cube()).getRow_groups().get(0).getColumns()) {
      List<Integer> numbers = c.getMeta_data().getEncodings().stream().map(Encoding::getValue).toList();
      assertThat(c.getMeta_data().getPath_in_schema().toString(), numbers, equalTo(numbers.stream().sorted().distinct().toList()));
      withSeveral += numbers.size() > 1 ? 1 : 0;
    }
    // every column has a data encoding and one for its levels: the order is there to be fixed
    assertThat(withSeveral, is(footer(cube()).getRow_groups().get(0).getColumns().size()));
  }

  @Test
  void anotherOrderOfTheSameEncodingsGivesTheSameBytes() throws Exception {
    byte[] file = cube();
    byte[] other = reversed(file);
    assertThat(other, not(equalTo(file)));
    assertThat(ParquetFooter.canonical(other), equalTo(file));
    assertThat(ParquetFooter.canonical(file), equalTo(file));
  }

  @Test
  void twoProcessesWriteTheSameBytes() throws Exception {
    assertThat(digestInNewJvm(), equalTo(digestInNewJvm()));
  }

  private static String digestInNewJvm() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Dthbstat.home=" + TestData.home(), CubeDigest.class.getName())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(), is(0));
    return out;
  }

  @Test
  void notAParquetFileIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> ParquetFooter.canonical("not parquet at all".getBytes(StandardCharsets.US_ASCII)));
  }
}
