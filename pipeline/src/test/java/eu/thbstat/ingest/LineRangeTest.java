package eu.thbstat.ingest;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-range splits of a file: together they read every line exactly once, each whole. */
class LineRangeTest {

  private static List<String> splitRead(Path file, long[] bounds) throws IOException {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i + 1 < bounds.length; i++) {
      SeekableByteChannel channel = Files.newByteChannel(file);
      try (LineRange r = LineRange.of(channel, bounds[i], bounds[i + 1])) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[3]; // small reads: the stop at the end of a line is found across calls
        for (int n; (n = r.read(buf)) >= 0; ) {
          out.write(buf, 0, n);
        }
        parts.add(out.toString(StandardCharsets.UTF_8));
      }
    }
    return parts;
  }

  @Test
  void splitsOwnTheLinesStartingInTheirRange(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("f.csv");
    Files.writeString(file, "h\naa\nbbbb\n\ncc\r\nd"); // bytes: h\n=0-1 aa\n=2-4 bbbb\n=5-9 \n=10 cc\r\n=11-14 d=15
    // [0,3): "h" (0) and "aa" (2); [3,11): "bbbb" (5) and the empty line (10); [11,16): "cc", "d"
    assertThat(splitRead(file, new long[] {0, 3, 11, 16}), equalTo(List.of("h\naa\n", "bbbb\n\n", "cc\r\nd")));
    // a split inside one line only owns nothing: the line belongs to the split it starts in
    assertThat(splitRead(file, new long[] {0, 6, 8, 16}), equalTo(List.of("h\naa\nbbbb\n", "", "\ncc\r\nd")));
  }

  @Test
  void anyCutReadsTheWholeFileOnce(@TempDir Path dir) throws IOException {
    Random random = new Random(7);
    for (String text : List.of("", "x", "x\n", "\n\n\n", "a,b\n1,2\n3,4", "long line without end " + "z".repeat(5000),
        "id,v\n" + "1,abc\n".repeat(400) + "2,last")) {
      Path file = dir.resolve("t" + text.length() + ".txt");
      Files.writeString(file, text);
      long size = Files.size(file);
      for (int count = 1; count <= Math.min(40, size + 1); count++) {
        long[] even = new long[count + 1];
        long[] uneven = new long[count + 1];
        for (int i = 0; i <= count; i++) {
          even[i] = i == count ? size : i * (size / count); // as ReadSubmissions plans them
          uneven[i] = i == 0 ? 0 : i == count ? size : Math.max(uneven[i - 1], (long) (random.nextDouble() * size));
        }
        for (long[] bounds : List.of(even, uneven)) {
          List<String> parts = splitRead(file, bounds);
          assertThat(String.join("", parts), equalTo(text));
          for (int i = 1; i < parts.size(); i++) {
            String before = String.join("", parts.subList(0, i));
            // every split after the first begins at the start of a line
            assertThat(parts.get(i).isEmpty() || before.isEmpty() || before.endsWith("\n"), equalTo(true));
          }
        }
      }
    }
  }
}
