package eu.thbstat.report;

import eu.thbstat.report.RenderedTable.Cell;
import eu.thbstat.report.RenderedTable.Column;
import eu.thbstat.report.RenderedTable.Row;
import eu.thbstat.report.ReportDefinitions.ChartDef;
import eu.thbstat.report.ReportDefinitions.ChartType;
import eu.thbstat.reference.Dimension;
import java.util.ArrayList;
import java.util.List;

/**
 * Works out the geometry of a bar chart from its data, laid out like a table: each row is a bar
 * (stacked bars) or a group of bars (grouped bars), each column a series with its colour. Values
 * not available are not drawn; a ':' stands at the baseline where a whole bar is missing. The
 * value axis has round steps (1, 2 or 5 times a power of ten) and starts at zero.
 */
final class ChartBuilder {
  /** Okabe-Ito colours (readable with colour-vision deficiencies); unknown categories are grey. */
  static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000");
  static final String UNKNOWN_FILL = "#9E9E9E";

  private static final int PLOT_HEIGHT = 260;
  private static final int LEFT = 78;
  private static final int RIGHT = 24;
  private static final int TOP = 12;
  private static final double CHAR = 6.6; // average width of a 12 px sans-serif character
  private static final int MIN_PLOT_WIDTH = 560;

  private final ReportContext ctx;

  ChartBuilder(ReportContext ctx) {
    this.ctx = ctx;
  }

  SvgChart build(ChartDef def) {
    RenderedTable data = new CubeTableBuilder(ctx).build(def.data());
    boolean stacked = def.type() == ChartType.STACKED_BARS;
    List<Column> series = data.columns();
    List<Row> categories = data.rows();
    String unit = def.data().filters().get(Dimension.UNIT);
    String valueAxis = def.valueAxis() != null ? def.valueAxis() : ctx.label(Dimension.UNIT, unit);
    String categoryAxis = def.categoryAxis() != null ? def.categoryAxis()
        : String.join(", ", def.data().rows().stream().map(a -> String.join(", ", a.dimensions().stream()
            .map(d -> ctx.ref().model().dimension(d).label()).toList())).toList());

    // Legend: one entry per series, wrapped to the width.
    List<String> fills = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      Column c = series.get(s);
      boolean unknown = c.codes().get(c.codes().size() - 1).endsWith("UNK");
      fills.add(unknown ? UNKNOWN_FILL : PALETTE.get(s % PALETTE.size()));
    }

    // Category slots.
    int groups = categories.size();
    double barWidth = stacked ? 30 : Math.max(8, Math.min(18, 60.0 / Math.max(1, series.size())));
    double innerGap = stacked ? 14 : 2;
    double slot = stacked ? barWidth + innerGap : series.size() * (barWidth + innerGap) + 14;
    boolean twoLevels = !categories.isEmpty() && categories.get(0).labels().size() > 1;
    double groupGap = twoLevels ? 18 : 0;
    double innerLabelWidth = 0;
    for (Row r : categories) {
      innerLabelWidth = Math.max(innerLabelWidth, r.labels().get(r.labels().size() - 1).length() * CHAR);
    }
    if (innerLabelWidth + 12 > slot && groups * (innerLabelWidth + 12) <= MIN_PLOT_WIDTH - 20) {
      slot = innerLabelWidth + 12; // room enough: wider slots rather than slanted labels
    }
    boolean rotate = innerLabelWidth > slot - 4;
    double contentWidth = 0;
    for (int i = 0; i < groups; i++) {
      contentWidth += slot + (i > 0 && newGroup(categories, i) ? groupGap : 0);
    }
    int plotWidth = (int) Math.max(MIN_PLOT_WIDTH, contentWidth + 20);
    int width = LEFT + plotWidth + RIGHT;

    List<SvgChart.Legend> legend = new ArrayList<>();
    double lx = LEFT;
    double ly = TOP;
    for (int s = 0; s < series.size(); s++) {
      String label = String.join(", ", series.get(s).labels());
      double w = 18 + label.length() * CHAR + 18;
      if (lx + w > width - RIGHT && lx > LEFT) {
        lx = LEFT;
        ly += 20;
      }
      legend.add(new SvgChart.Legend(lx, ly, fills.get(s), label));
      lx += w;
    }
    int plotTop = (int) ly + 30;
    int plotBottom = plotTop + PLOT_HEIGHT;

    // Scale.
    double max = 0;
    int decimals = ctx.decimals(unit);
    for (Row r : categories) {
      double sum = 0;
      for (Cell c : r.cells()) {
        if (c.value() != null && c.value() > 0) {
          sum = stacked ? sum + c.value() : Math.max(sum, c.value());
        }
      }
      max = Math.max(max, sum);
    }
    boolean empty = max <= 0;
    double step = niceStep(empty ? 1 : max / 5);
    double top = empty ? 5 : Math.ceil(max / step) * step;
    List<SvgChart.Tick> ticks = new ArrayList<>();
    int tickDecimals = step >= 1 ? 0 : (int) Math.ceil(-Math.log10(step));
    for (double v = 0; v <= top + step / 1000; v += step) {
      ticks.add(new SvgChart.Tick(y(v, top, plotTop, plotBottom), EurostatFormat.number(v, tickDecimals)));
    }

    // Bars and labels.
    List<SvgChart.Bar> bars = new ArrayList<>();
    List<SvgChart.Label> labels = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    double x = LEFT + 10 + (plotWidth - 20 - contentWidth) / 2;
    double groupStart = x;
    double innerLabelY = plotBottom + 16;
    double innerLabelDepth = rotate ? innerLabelWidth * Math.sin(Math.toRadians(40)) + 12 : 16;
    double groupLabelY = plotBottom + innerLabelDepth + 18;
    for (int i = 0; i < groups; i++) {
      Row r = categories.get(i);
      if (i > 0 && newGroup(categories, i)) {
        if (twoLevels) {
          labels.add(groupLabel(categories.get(i - 1), groupStart, x, groupLabelY));
        }
        x += groupGap;
        groupStart = x;
      }
      String category = String.join(", ", r.labels());
      double base = plotBottom;
      boolean any = false;
      for (int s = 0; s < series.size(); s++) {
        Cell c = r.cells().get(s);
        String seriesLabel = String.join(", ", series.get(s).labels());
        double bx = stacked ? x + (slot - barWidth) / 2
            : x + (slot - series.size() * (barWidth + innerGap) + innerGap) / 2 + s * (barWidth + innerGap);
        if (c.value() == null) {
          if (!stacked) {
            labels.add(new SvgChart.Label(bx + barWidth / 2, plotBottom - 4, EurostatFormat.NOT_AVAILABLE, "middle", 0, false));
          }
          continue;
        }
        any = true;
        double h = plotBottom - y(c.value(), top, plotTop, plotBottom);
        double by = stacked ? base - h : plotBottom - h;
        bars.add(new SvgChart.Bar(round(bx), round(by), barWidth, round(h), fills.get(s), seriesLabel,
            category + ", " + seriesLabel + ": " + c.printed()));
        if (stacked) {
          base -= h;
        }
      }
      if (!any) {
        missing.add(category);
        if (stacked) {
          labels.add(new SvgChart.Label(x + slot / 2, plotBottom - 4, EurostatFormat.NOT_AVAILABLE, "middle", 0, false));
        }
      }
      String inner = r.labels().get(r.labels().size() - 1);
      double cx = x + slot / 2;
      labels.add(rotate
          ? new SvgChart.Label(cx + 4, innerLabelY - 4, inner, "end", -40, false)
          : new SvgChart.Label(cx, innerLabelY, inner, "middle", 0, false));
      x += slot;
    }
    if (twoLevels && groups > 0) {
      labels.add(groupLabel(categories.get(groups - 1), groupStart, x, groupLabelY));
    }
    int categoryAxisY = (int) (twoLevels ? groupLabelY + 22 : plotBottom + innerLabelDepth + 20);
    int height = categoryAxisY + 12;
    List<String> notes = new ArrayList<>();
    if (empty) {
      notes.add("No value of this chart is available for " + ctx.period().label() + ".");
    } else if (!missing.isEmpty()) {
      notes.add("Not available (':'): " + String.join("; ", missing) + ".");
    }
    return new SvgChart(def.id(), def.title(), ReportContext.lower(def.type().name()), width, height,
        LEFT, plotTop, LEFT + plotWidth, plotBottom, valueAxis, categoryAxis, categoryAxisY,
        bars, ticks, labels, legend, notes, empty);
  }

  private static boolean newGroup(List<Row> categories, int i) {
    List<String> a = categories.get(i - 1).codes();
    List<String> b = categories.get(i).codes();
    return a.size() > 1 && !a.subList(0, a.size() - 1).equals(b.subList(0, b.size() - 1));
  }

  private static SvgChart.Label groupLabel(Row r, double from, double to, double y) {
    String text = String.join(", ", r.labels().subList(0, r.labels().size() - 1));
    return new SvgChart.Label((from + to) / 2, y, text, "middle", 0, true);
  }

  private static double y(double value, double top, int plotTop, int plotBottom) {
    return plotBottom - value / top * (plotBottom - plotTop);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw - 1e-12) {
        return m * power;
      }
    }
    return 10 * power;
  }
}
