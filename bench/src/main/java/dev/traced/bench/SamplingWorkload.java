package dev.traced.bench;

import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * A method with attributes that cost something to compute (an array attribute copied from a
 * list, and one read from the result), traced three ways, to measure what a span that the
 * sampler drops still costs.
 */
public final class SamplingWorkload {

  static final String SPAN_NAME = "bench.tags";
  static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("bench.order.id");
  static final AttributeKey<List<String>> TAGS = AttributeKey.stringArrayKey("bench.tags");
  static final AttributeKey<Long> TAG_COUNT = AttributeKey.longKey("bench.tag_count");

  private final Tracer tracer;

  public SamplingWorkload(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Hand-written the straightforward way: every attribute on the builder, so the array is
   * copied whether or not the span is sampled.
   */
  public int eager(String id, List<String> tags) {
    SpanBuilder builder = tracer.spanBuilder(SPAN_NAME).setAttribute(ORDER_ID, id);
    builder.setAttribute(TAGS, copy(tags));
    Span span = builder.startSpan();
    try (Scope scope = span.makeCurrent()) {
      int result = work(tags);
      span.setAttribute(TAG_COUNT, result);
      return result;
    } finally {
      span.end();
    }
  }

  /** Hand-written with care: what only a recording span needs is computed only for one. */
  public int careful(String id, List<String> tags) {
    Span span = tracer.spanBuilder(SPAN_NAME).setAttribute(ORDER_ID, id).startSpan();
    if (span.isRecording()) {
      span.setAttribute(TAGS, copy(tags));
    }
    try (Scope scope = span.makeCurrent()) {
      int result = work(tags);
      if (span.isRecording()) {
        span.setAttribute(TAG_COUNT, result);
      }
      return result;
    } finally {
      span.end();
    }
  }

  /** The same attributes from the woven aspect. */
  @Traced(
      name = SPAN_NAME,
      attrs = {"bench.order.id = id", "bench.tags = tags", "bench.tag_count = return"})
  public int traced(String id, List<String> tags) {
    return work(tags);
  }

  private static int work(List<String> tags) {
    int length = 0;
    for (String tag : tags) {
      length += tag.length();
    }
    return length;
  }

  /** What traced's runtime does for a collection: a list of its non-null elements. */
  private static List<String> copy(List<String> tags) {
    List<String> copy = new ArrayList<>(tags.size());
    for (String tag : tags) {
      if (tag != null) {
        copy.add(tag);
      }
    }
    return copy;
  }
}
