package eu.thbstat.report;

import java.util.List;

/**
 * A bar chart with its geometry worked out, for the HTML template to draw as inline SVG (pixels,
 * origin top left). Built by {@link ChartBuilder}.
 *
 * @param plotLeft left edge of the plot area; the value axis is drawn there
 * @param plotBottom the baseline (value 0)
 * @param valueAxis the label of the value axis (drawn vertically at the left)
 * @param categoryAxis the label of the category axis (under the bars)
 * @param notes sentences under the chart (values not available)
 */
public record SvgChart(
    String id,
    String title,
    String type,
    int width,
    int height,
    int plotLeft,
    int plotTop,
    int plotRight,
    int plotBottom,
    String valueAxis,
    String categoryAxis,
    int categoryAxisY,
    List<Bar> bars,
    List<Tick> ticks,
    List<Label> labels,
    List<Legend> legend,
    List<String> notes,
    boolean empty) {

  public SvgChart {
    bars = List.copyOf(bars);
    ticks = List.copyOf(ticks);
    labels = List.copyOf(labels);
    legend = List.copyOf(legend);
    notes = List.copyOf(notes);
  }

  /** A bar (or a segment of a stacked bar); {@code title} is its tooltip ("Germany, 2022, Sexual exploitation: 476"). */
  public record Bar(double x, double y, double width, double height, String fill, String series, String title) {}

  /** A gridline of the value axis at {@code y} with its label. */
  public record Tick(double y, String label) {}

  /**
   * A text under the bars: a category label, or the label of a group of categories.
   *
   * @param anchor SVG text-anchor (start, middle, end)
   * @param rotate degrees (negative: counter-clockwise), 0 for none
   * @param bold whether it labels a group
   */
  public record Label(double x, double y, String text, String anchor, int rotate, boolean bold) {}

  /** A legend entry: a swatch of {@code fill} at (x, y) and its label. */
  public record Legend(double x, double y, String fill, String label) {}
}
