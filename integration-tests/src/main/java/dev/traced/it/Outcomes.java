package dev.traced.it;

import dev.traced.Traced;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Failures, expected outcomes, new traces and attribute work that only recording spans pay. */
public class Outcomes {

  /** A lookup's normal "nothing there". */
  public static class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }

  /** A real failure, nested so that its canonical name differs from its binary name. */
  public static class BrokenException extends RuntimeException {
    public BrokenException(String message) {
      super(message);
    }
  }

  /** A value whose property reads are counted, to tell when attribute work was done. */
  public static final class Counted {
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> tags;

    public Counted(List<String> tags) {
      this.tags = tags;
    }

    public List<String> tags() {
      reads.incrementAndGet();
      return tags;
    }

    public String first() {
      reads.incrementAndGet();
      return tags.get(0);
    }

    public int reads() {
      return reads.get();
    }
  }

  /** How many times a method body ran: a side effect that tracing must never repeat or skip. */
  public final AtomicInteger bodies = new AtomicInteger();

  @Traced(name = "outcomes.find", attrs = "id = id", expected = NotFoundException.class)
  public String find(String id) {
    bodies.incrementAndGet();
    if (id.startsWith("missing")) {
      throw new NotFoundException("no " + id);
    }
    if (id.startsWith("broken")) {
      throw new BrokenException("cannot look up " + id + "\nsecond line of detail");
    }
    return "found " + id;
  }

  @Traced(name = "outcomes.load", expected = FileNotFoundException.class)
  public String load(String path) throws IOException {
    bodies.incrementAndGet();
    if (path.isEmpty()) {
      throw new IOException("no path");
    }
    throw new FileNotFoundException(path);
  }

  @Traced(name = "outcomes.batch", kind = Traced.Kind.CONSUMER, newTrace = true)
  public void batch(Runnable work) {
    bodies.incrementAndGet();
    work.run();
  }

  @Traced(
      name = "outcomes.tagged",
      attrs = {"first = counted.first", "tags = counted.tags", "result = return"})
  public String tagged(Counted counted) {
    bodies.incrementAndGet();
    return "tagged";
  }
}
