package dev.traced.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.traced.bench.FieldChart.Bar;
import dev.traced.bench.FieldChart.Group;
import dev.traced.bench.FieldTable.Peer;
import dev.traced.bench.FieldTable.Score;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The chart {@code FieldTable CSV --svg FILE} draws, read back with the JDK's XML parser. */
class FieldChartTest {

  private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\","
      + "\"Score Error (99.9%)\",\"Unit\",\"Param: sdk\"";
  private static final String FIELD = "dev.traced.bench.TracedBenchmark.";
  private static final String AGENT = "dev.traced.bench.AgentBenchmark.";

  /**
   * No SDK: hand-written and traced. Recording: hand-written, traced and the agent (no sdk
   * parameter). Sampling nothing: traced alone, from a single iteration (no error). No agentOff,
   * no Spring peers, no Micrometer. Allocation rows that must not become bars.
   */
  private static final List<String> ROWS = List.of(
      row(FIELD + "handWritten", "11.7", "0.2", "noop"),
      row(FIELD + "handWritten:gc.alloc.rate.norm", "88.0", "0.1", "noop"),
      row(FIELD + "traced", "12.3", "0.4", "noop"),
      row(FIELD + "traced:gc.alloc.rate.norm", "0.001", "0.001", "noop"),
      row(FIELD + "handWritten", "200.0", "2.0", "recording"),
      row(FIELD + "traced", "210.0", "3.0", "recording"),
      row(AGENT + "recording", "500.0", "10.0", ""),
      row(AGENT + "recording:gc.alloc.rate.norm", "1400.0", "1.0", ""),
      row(FIELD + "traced", "100.0", "NaN", "unsampled"));

  @TempDir
  Path dir;

  private static String row(String benchmark, String score, String error, String sdk) {
    return "\"" + benchmark + "\",\"avgt\",1,15," + score + "," + error + ",\"ns/op\"," + sdk;
  }

  private String chart(List<String> rows) throws IOException {
    Path csv = dir.resolve("field.csv");
    List<String> lines = new ArrayList<>(List.of(HEADER));
    lines.addAll(rows);
    Files.write(csv, lines, StandardCharsets.UTF_8);
    Path svg = dir.resolve("chart.svg");
    FieldTable.main(new String[] {csv.toString(), "--svg", svg.toString()});
    return Files.readString(svg, StandardCharsets.UTF_8);
  }

  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Node parent, String name) {
    NodeList nodes = parent instanceof Document document
        ? document.getElementsByTagName(name) : ((Element) parent).getElementsByTagName(name);
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      elements.add((Element) nodes.item(i));
    }
    return elements;
  }

  private static List<String> texts(Document document) {
    return elements(document, "text").stream().map(Element::getTextContent).toList();
  }

  /** The bars by "mode title / peer label". */
  private static Map<String, Element> bars(Document document) {
    Map<String, Element> bars = new LinkedHashMap<>();
    for (Element g : elements(document, "g")) {
      if (g.getAttribute("class").equals("bar")) {
        bars.put(g.getAttribute("data-mode") + " / " + g.getAttribute("data-peer"), g);
      }
    }
    return bars;
  }

  private static double width(Element bar) {
    return Double.parseDouble(elements(bar, "rect").get(0).getAttribute("width"));
  }

  /** The value label of a bar: the text element that is not the peer's name. */
  private static Element valueLabel(Element bar) {
    return elements(bar, "text").get(1);
  }

  @Test
  void isAnSvgThatGitHubShowsAsAnImage() throws Exception {
    String svg = chart(ROWS);
    Element root = parse(svg).getDocumentElement();

    assertThat(root.getLocalName()).isEqualTo("svg");
    assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    String width = root.getAttribute("width");
    String height = root.getAttribute("height");
    assertThat(width).matches("\\d+");
    assertThat(height).matches("\\d+");
    assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 " + width + " " + height);
    assertThat(root.getAttribute("font-family")).endsWith("sans-serif");
    assertThat(svg).doesNotContain("<script", "href", "url(", "<image", "<style", "@import");
    assertThat(elements(root, "title").get(0).getTextContent()).isEqualTo(FieldChart.TITLE);
    assertThat(texts(root.getOwnerDocument()))
        .contains(FieldChart.TITLE, FieldChart.CAPTION)
        .contains(FieldTable.MODE_TITLES);
  }

  @Test
  void oneBarPerModeAndMeasuredPeer() throws Exception {
    Map<String, Element> bars = bars(parse(chart(ROWS)));

    String[] modes = FieldTable.MODE_TITLES;
    assertThat(bars.keySet()).containsExactly(
        modes[0] + " / hand-written", modes[0] + " / traced",
        modes[1] + " / hand-written", modes[1] + " / traced", modes[1] + " / @WithSpan, agent",
        modes[2] + " / traced");
  }

  @Test
  void widthsAreProportionalToTheScoresOnOneAxis() throws Exception {
    Map<String, Element> bars = bars(parse(chart(ROWS)));
    String[] modes = FieldTable.MODE_TITLES;
    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put(modes[0] + " / hand-written", 11.7);
    scores.put(modes[0] + " / traced", 12.3);
    scores.put(modes[1] + " / hand-written", 200.0);
    scores.put(modes[1] + " / traced", 210.0);
    scores.put(modes[1] + " / @WithSpan, agent", 500.0);
    scores.put(modes[2] + " / traced", 100.0);

    double scale = width(bars.get(modes[1] + " / @WithSpan, agent")) / 500.0;
    assertThat(scale).isGreaterThan(0.5);
    scores.forEach((bar, score) ->
        assertThat(width(bars.get(bar))).as(bar).isCloseTo(score * scale, within(0.02)));
  }

  @Test
  void labelsSayTheTimeTheErrorAndTheRatioToHandWrittenCode() throws Exception {
    Map<String, Element> bars = bars(parse(chart(ROWS)));
    String[] modes = FieldTable.MODE_TITLES;

    Element traced = valueLabel(bars.get(modes[0] + " / traced"));
    assertThat(traced.getFirstChild().getNodeValue()).isEqualTo("12.3 ± 0.4 ns");
    assertThat(elements(traced, "tspan").get(0).getTextContent()).isEqualTo("1.05×");
    assertThat(valueLabel(bars.get(modes[0] + " / hand-written")).getTextContent())
        .isEqualTo("11.7 ± 0.2 ns1.00×");
    assertThat(valueLabel(bars.get(modes[1] + " / @WithSpan, agent")).getTextContent())
        .isEqualTo("500.0 ± 10.0 ns2.50×");
    // No error from a single iteration, no hand-written code to compare with: no whisker, no ratio.
    Element alone = bars.get(modes[2] + " / traced");
    assertThat(valueLabel(alone).getTextContent()).isEqualTo("100.0 ns");
    assertThat(elements(alone, "line")).isEmpty();
    assertThat(elements(bars.get(modes[0] + " / traced"), "line")).hasSize(3);
  }

  @Test
  void legendNamesEveryPeerWithABarOnceAndTheAxisHasTicks() throws Exception {
    List<String> texts = texts(parse(chart(ROWS)));

    assertThat(texts).containsOnlyOnce(
        "hand-written OpenTelemetry code", "traced @Traced (woven)", "@WithSpan, java agent");
    assertThat(texts).containsSubsequence(
        "hand-written OpenTelemetry code", "traced @Traced (woven)", "@WithSpan, java agent");
    assertThat(texts).doesNotContain("plain call, no span", "Micrometer @Observed, Spring AOP");
    // 510 ns at most (500 + 10): ticks every 200 ns up to 600.
    assertThat(texts).containsSubsequence("0", "200", "400", "600");
  }

  @Test
  void aModeWithoutResultsSaysSo() throws Exception {
    Document document = parse(chart(List.of(row(FIELD + "traced", "12.3", "0.4", "noop"))));

    assertThat(bars(document)).hasSize(1);
    assertThat(texts(document)).filteredOn("not in this CSV"::equals).hasSize(2);
  }

  @Test
  void sameCsvInAnyOrderGivesTheSameBytes() throws Exception {
    String first = chart(ROWS);
    List<String> shuffled = new ArrayList<>(ROWS);
    Collections.shuffle(shuffled, new Random(42));

    assertThat(chart(shuffled)).isEqualTo(first);
    assertThat(chart(ROWS)).isEqualTo(first);
  }

  @Test
  void textIsEscaped() throws Exception {
    Peer peer = new Peer("a <b> & \"c\" 'd'", "<&>", "#000000", "x", "x", "x");
    String svg = FieldChart.draw("1 < 2 & 3", "caption > \"quoted\"", List.of(
        new Group("<mode & more>", List.of(new Bar(peer, new Score(5, 0.5), 1.5)))));
    Document document = parse(svg);

    assertThat(texts(document)).contains("1 < 2 & 3", "caption > \"quoted\"", "<mode & more>",
        "a <b> & \"c\" 'd'", "<&>", "5.0 ± 0.5 ns1.50×");
    assertThat(bars(document)).containsOnlyKeys("<mode & more> / <&>");
    assertThat(svg).contains("&lt;mode &amp; more&gt;");
  }

  @Test
  void axisStepsAreRoundNumbers() {
    assertThat(FieldChart.Axis.of(1503.6).labels()).containsExactly(
        "0", "500", "1000", "1500", "2000");
    assertThat(FieldChart.Axis.of(0.9).labels()).containsExactly(
        "0", "0.2", "0.4", "0.6", "0.8", "1");
    assertThat(FieldChart.Axis.of(12).labels()).containsExactly("0", "2.5", "5", "7.5", "10",
        "12.5");
    assertThat(FieldChart.Axis.of(12).max()).isEqualTo(12.5);
  }
}
