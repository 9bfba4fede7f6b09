package eu.thbstat.ingest;

import java.io.Serializable;

/**
 * Bounds on what one submission file may hold, so that a hostile or broken file gives a finding
 * instead of exhausting memory or time: files above {@code maxFileBytes} are not read; lines above
 * {@code maxLineBytes} are left out with a finding (the rest of the file is read).
 */
public record InputLimits(long maxFileBytes, int maxLineBytes) implements Serializable {
  /** 256 MiB per file, 1 MiB per line: far above any national table, far below the heap. */
  public static final InputLimits DEFAULT = new InputLimits(256L << 20, 1 << 20);

  public InputLimits {
    if (maxFileBytes < 1 || maxLineBytes < 1) {
      throw new IllegalArgumentException("input limits must be positive: " + maxFileBytes + ", " + maxLineBytes);
    }
  }
}
