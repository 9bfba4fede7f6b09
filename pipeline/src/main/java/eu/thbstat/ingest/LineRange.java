package eu.thbstat.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * The lines of a file that start in the byte range [start, end): a line starts at byte 0 and
 * after every line feed. A split of a file reads its own lines whole, however the range cuts them,
 * so that the splits of a file together read every line exactly once (the rule of Hadoop's and
 * Beam's text sources). Only for encodings where a line feed is the byte 0x0A and never part of
 * another character (UTF-8, ASCII, ISO 8859): not for UTF-16, nor for CSV values holding line breaks.
 */
public final class LineRange extends InputStream {
  private final SeekableByteChannel channel;
  private final long end;
  private final ByteBuffer buffer;
  /** File position of the next byte to deliver. */
  private long position;
  /** Whether the byte before {@link #position} is a line feed (or position is 0). */
  private boolean atLineStart;
  private boolean done;

  private LineRange(SeekableByteChannel channel, long end, int bufferSize) {
    this.channel = channel;
    this.end = end;
    this.buffer = ByteBuffer.allocate(bufferSize);
    this.buffer.flip();
  }

  /** The lines starting in [start, end) of the channel's file; closing the stream closes the channel. */
  public static LineRange of(SeekableByteChannel channel, long start, long end) throws IOException {
    LineRange r = new LineRange(channel, end, 1 << 20);
    if (start == 0) {
      r.position = 0;
      r.atLineStart = true;
      return r;
    }
    // the line running through start - 1 belongs to the split before: skip to its end
    channel.position(start - 1);
    r.position = start - 1;
    while (true) {
      if (!r.buffer.hasRemaining() && !r.fill()) {
        r.done = true;
        return r;
      }
      byte b = r.buffer.get();
      r.position++;
      if (b == '\n') {
        r.atLineStart = true;
        return r;
      }
    }
  }

  private boolean fill() throws IOException {
    buffer.clear();
    int n;
    do {
      n = channel.read(buffer);
    } while (n == 0);
    buffer.flip();
    return n > 0;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (done || (position >= end && atLineStart)) {
      done = true;
      return -1;
    }
    if (!buffer.hasRemaining() && !fill()) {
      done = true;
      return -1;
    }
    int n = Math.min(len, buffer.remaining());
    if (position < end) {
      n = (int) Math.min(n, end - position); // up to the end of the range, then line by line
    } else {
      // past the end, in the last line that started before it: deliver up to its line feed
      int at = buffer.position();
      for (int i = 0; i < n; i++) {
        if (buffer.get(at + i) == '\n') {
          n = i + 1;
          break;
        }
      }
    }
    buffer.get(b, off, n);
    position += n;
    atLineStart = b[off + n - 1] == '\n';
    return n;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
