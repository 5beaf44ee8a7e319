package dev.traced.bench;

import dev.traced.bench.FieldTable.Peer;
import dev.traced.bench.FieldTable.Score;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chart at the top of docs/benchmarks.md, drawn from the same CSV and the same peers as
 * {@link FieldTable}'s tables ({@code FieldTable field.csv --svg FILE}): grouped horizontal bars,
 * one group per SDK mode, one bar per peer measured in it, with JMH's error as a whisker, the time
 * and the ratio to hand-written code as a label.
 *
 * <p>The SVG is plain enough for GitHub to show as an image: no script, no external resource, a
 * system font stack, an opaque background (readable in a dark theme too). It is deterministic:
 * every number is formatted with {@link java.util.Locale#ROOT}, text widths are estimated from
 * the number of characters rather than measured with a font, and the same CSV gives the same
 * bytes.
 *
 * <p>One linear axis serves all three groups. The times of section 1 run from about 7 ns (plain
 * call) to about 1,500 ns (Micrometer, recording): a common axis keeps a bar's length the cost
 * of a call whatever its mode, so the modes compare with each other (recording costs every peer
 * more than no SDK) and Micrometer's length reads as what it costs. The price is that the
 * smallest bars (traced and the plain call without an SDK) are a few pixels long; their labels
 * carry the number and the ratio. A log axis would make those bars longer but turn a 30× difference
 * into a short step that readers take for a small one; an axis per group would give equal lengths
 * to unequal times in different groups.
 */
final class FieldChart {

  /** One bar: a peer's time per call in one mode and its ratio to hand-written code (or NaN). */
  record Bar(Peer peer, Score time, double ratio) {}

  /** One group of bars: one SDK mode, the peers in {@link FieldTable#PEERS}' order. */
  record Group(String title, List<Bar> bars) {}

  static final String TITLE = "Time per call of a traced method, hand-written code and the field";

  static final String CAPTION = "JMH, average time per call in ns ± 99.9 % error; lower is"
      + " better; × is the time over hand-written code in the same mode.";

  private static final int WIDTH = 900;
  private static final int PAD = 16;
  private static final String FONT =
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, Arial, sans-serif";
  private static final int FONT_SIZE = 12;
  private static final int TITLE_SIZE = 16;
  private static final int HEADING_SIZE = 13;
  /** Estimated width of a character in ems: a little wider than most sans-serif fonts' digits. */
  private static final double CHAR_WIDTH = 0.62;
  private static final int ROW = 20;
  private static final int BAR = 12;
  private static final int SWATCH = 10;
  private static final int LABEL_GAP = 6;
  private static final int RATIO_GAP = 8;
  private static final String INK = "#1f2328";
  private static final String MUTED = "#59636e";
  private static final String GRID = "#e6e8eb";

  private FieldChart() {}

  /** The chart of the scores of one JMH run of section 1. */
  static String svg(Map<String, Score> scores) {
    return draw(TITLE, CAPTION, groups(scores));
  }

  /** One group per mode, with a bar for every peer measured in it. */
  static List<Group> groups(Map<String, Score> scores) {
    List<Group> groups = new ArrayList<>();
    for (int m = 0; m < FieldTable.MODES.length; m++) {
      Score hand = FieldTable.time(scores, FieldTable.HAND_WRITTEN, m);
      List<Bar> bars = new ArrayList<>();
      for (Peer peer : FieldTable.PEERS) {
        Score time = FieldTable.time(scores, peer, m);
        if (time != null && Double.isFinite(time.value())) {
          bars.add(new Bar(peer, time,
              hand == null ? Double.NaN : time.value() / hand.value()));
        }
      }
      groups.add(new Group(FieldTable.MODE_TITLES[m], bars));
    }
    return groups;
  }

  /** The SVG of {@code groups}; the legend has the peers that have a bar, in order of first bar. */
  static String draw(String title, String caption, List<Group> groups) {
    Svg svg = new Svg();
    int y = PAD + TITLE_SIZE;
    svg.text(PAD, y, TITLE_SIZE, "font-weight=\"600\"", title);
    y += 20;
    svg.text(PAD, y, FONT_SIZE, "fill=\"" + MUTED + "\"", caption);

    // Legend: the full name of every peer with a bar, flowing into rows.
    Set<Peer> peers = new LinkedHashSet<>();
    groups.forEach(group -> group.bars().forEach(bar -> peers.add(bar.peer())));
    y += 24;
    double x = PAD;
    for (Peer peer : peers) {
      String name = peer.name().replace("`", "");
      double width = SWATCH + LABEL_GAP + textWidth(name, FONT_SIZE);
      if (x > PAD && x + width > WIDTH - PAD) {
        x = PAD;
        y += 18;
      }
      svg.rect(x, y - SWATCH + 1, SWATCH, SWATCH, peer.colour());
      svg.text(x + SWATCH + LABEL_GAP, y, FONT_SIZE, "", name);
      x += width + 18;
    }
    y += peers.isEmpty() ? 0 : 16;

    // Bars start right of the longest short label, and are scaled so that the bar whose end
    // plus label reaches furthest still fits, and so does the axis.
    double labels = 0;
    double end = 0;
    for (Group group : groups) {
      for (Bar bar : group.bars()) {
        labels = Math.max(labels, textWidth(bar.peer().label(), FONT_SIZE));
        end = Math.max(end, bar.time().value() + whisker(bar.time()));
      }
    }
    double left = PAD + labels + 10;
    double right = WIDTH - PAD;
    Axis axis = Axis.of(end);
    // The last tick's label is centred on the end of the axis: half of it must fit too.
    double scale = (right - left - textWidth(axis.last(), FONT_SIZE) / 2) / axis.max();
    for (Group group : groups) {
      for (Bar bar : group.bars()) {
        double reach = bar.time().value() + whisker(bar.time());
        double room = right - left - LABEL_GAP - textWidth(valueLabel(bar), FONT_SIZE)
            - textWidth(ratioLabel(bar), FONT_SIZE) - RATIO_GAP;
        scale = Math.min(scale, room / reach);
      }
    }

    for (Group group : groups) {
      y += 10;
      svg.text(PAD, y + HEADING_SIZE, HEADING_SIZE, "font-weight=\"600\"", group.title());
      y += 22;
      if (group.bars().isEmpty()) {
        svg.text(left, y + 14, FONT_SIZE, "fill=\"" + MUTED + "\" font-style=\"italic\"",
            "not in this CSV");
        y += ROW;
        continue;
      }
      for (double tick : axis.ticks()) {
        svg.line(left + tick * scale, y, left + tick * scale, y + ROW * group.bars().size(),
            GRID);
      }
      for (Bar bar : group.bars()) {
        double middle = y + ROW / 2.0;
        double value = bar.time().value();
        double error = whisker(bar.time());
        svg.open("g", "class=\"bar\" data-mode=\"" + Svg.escape(group.title())
            + "\" data-peer=\"" + Svg.escape(bar.peer().label()) + "\"");
        svg.text(left - 8, middle + 4, FONT_SIZE, "text-anchor=\"end\"", bar.peer().label());
        svg.rect(left, middle - BAR / 2.0, value * scale, BAR, bar.peer().colour());
        if (error > 0) {
          double from = left + Math.max(0, value - error) * scale;
          double to = left + (value + error) * scale;
          svg.line(from, middle, to, middle, INK);
          svg.line(from, middle - 4, from, middle + 4, INK);
          svg.line(to, middle - 4, to, middle + 4, INK);
        }
        svg.valueLabel(left + (value + error) * scale + LABEL_GAP, middle + 4,
            valueLabel(bar), ratioLabel(bar));
        svg.close("g");
        y += ROW;
      }
    }

    if (end > 0) {
      y += 6;
      svg.line(left, y, left + axis.max() * scale, y, MUTED);
      for (int i = 0; i < axis.ticks().size(); i++) {
        double tickX = left + axis.ticks().get(i) * scale;
        svg.line(tickX, y, tickX, y + 4, MUTED);
        svg.text(tickX, y + 17, FONT_SIZE, "text-anchor=\"middle\" fill=\"" + MUTED + "\"",
            axis.labels().get(i));
      }
      y += 34;
      svg.text(left + axis.max() * scale / 2, y, FONT_SIZE,
          "text-anchor=\"middle\" fill=\"" + MUTED + "\"", "ns per call (one linear axis for all"
              + " three modes)");
    }
    return svg.finish(WIDTH, y + PAD, title, caption);
  }

  /** "12.3 ± 0.4 ns", or "12.3 ns" where JMH gives no error (a single iteration). */
  static String valueLabel(Bar bar) {
    Score time = bar.time();
    return Double.isFinite(time.error()) ? FieldTable.timeCell(time) + " ns"
        : FieldTable.format("%.1f ns", time.value());
  }

  /** "1.05×", or nothing where the mode has no hand-written code to compare with. */
  static String ratioLabel(Bar bar) {
    return Double.isFinite(bar.ratio()) ? FieldTable.format("%.2f×", bar.ratio()) : "";
  }

  private static double whisker(Score time) {
    return Double.isFinite(time.error()) ? time.error() : 0;
  }

  private static double textWidth(String text, int size) {
    return text.length() * size * CHAR_WIDTH;
  }

  /** Ticks at 0 and every {@code step} up to {@code max}, a step of 1, 2, 2.5 or 5 × 10ⁿ. */
  record Axis(double max, List<Double> ticks, List<String> labels) {

    String last() {
      return labels.isEmpty() ? "" : labels.get(labels.size() - 1);
    }

    static Axis of(double end) {
      if (!(end > 0)) {
        return new Axis(1, List.of(), List.of());
      }
      int exponent = (int) Math.floor(Math.log10(end / 5));
      BigDecimal step = null;
      for (String mantissa : new String[] {"1", "2", "2.5", "5", "10"}) {
        step = new BigDecimal(mantissa).scaleByPowerOfTen(exponent);
        if (step.doubleValue() * 5 >= end) {
          break;
        }
      }
      List<Double> ticks = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      BigDecimal tick = BigDecimal.ZERO;
      while (true) {
        ticks.add(tick.doubleValue());
        labels.add(tick.signum() == 0 ? "0" : tick.stripTrailingZeros().toPlainString());
        if (tick.doubleValue() >= end) {
          return new Axis(tick.doubleValue(), ticks, labels);
        }
        tick = tick.add(step);
      }
    }
  }

  /** The SVG being written: elements in order, numbers with two decimals. */
  private static final class Svg {
    private final StringBuilder body = new StringBuilder();

    void text(double x, double y, int size, String attributes, String text) {
      body.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
          .append("\" font-size=\"").append(size).append('"')
          .append(attributes.isEmpty() ? "" : " " + attributes).append('>')
          .append(escape(text)).append("</text>\n");
    }

    /** The time, then the ratio in bold; a white outline keeps it legible over grid lines. */
    void valueLabel(double x, double y, String value, String ratio) {
      body.append("<text x=\"").append(number(x)).append("\" y=\"").append(number(y))
          .append("\" font-size=\"").append(FONT_SIZE)
          .append("\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">")
          .append(escape(value));
      if (!ratio.isEmpty()) {
        body.append("<tspan dx=\"").append(RATIO_GAP).append("\" font-weight=\"600\">")
            .append(escape(ratio)).append("</tspan>");
      }
      body.append("</text>\n");
    }

    void rect(double x, double y, double width, double height, String fill) {
      body.append("<rect x=\"").append(number(x)).append("\" y=\"").append(number(y))
          .append("\" width=\"").append(number(width)).append("\" height=\"")
          .append(number(height)).append("\" fill=\"").append(escape(fill)).append("\"/>\n");
    }

    void line(double x1, double y1, double x2, double y2, String stroke) {
      body.append("<line x1=\"").append(number(x1)).append("\" y1=\"").append(number(y1))
          .append("\" x2=\"").append(number(x2)).append("\" y2=\"").append(number(y2))
          .append("\" stroke=\"").append(stroke).append("\"/>\n");
    }

    void open(String element, String attributes) {
      body.append('<').append(element).append(' ').append(attributes).append(">\n");
    }

    void close(String element) {
      body.append("</").append(element).append(">\n");
    }

    String finish(int width, double height, String title, String caption) {
      int h = (int) Math.ceil(height);
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + h
          + "\" viewBox=\"0 0 " + width + " " + h + "\" role=\"img\" font-family=\""
          + escape(FONT) + "\" fill=\"" + INK + "\">\n"
          + "<title>" + escape(title) + "</title>\n"
          + "<desc>" + escape(caption) + "</desc>\n"
          + "<rect width=\"" + width + "\" height=\"" + h + "\" fill=\"#ffffff\"/>\n"
          + body + "</svg>\n";
    }

    static String number(double value) {
      return FieldTable.format("%.2f", value);
    }

    static String escape(String text) {
      return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
          .replace("\"", "&quot;").replace("'", "&apos;");
    }
  }
}
