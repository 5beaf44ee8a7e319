package dev.traced.it;

import dev.traced.Traced;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Traced calls nested in traced calls, on the caller's thread and across an executor. */
public class Workers {

  @Traced(name = "work.outer", attrs = "call = call")
  public long outer(long call) {
    return inner(call) + 1;
  }

  @Traced(name = "work.inner", attrs = "call = call")
  public long inner(long call) {
    return call * 2;
  }

  /** Runs {@link #inner} on {@code executor}, which is expected to carry the caller's context. */
  @Traced(name = "work.async", attrs = "call = call")
  public CompletableFuture<Long> async(long call, Executor executor) {
    return CompletableFuture.supplyAsync(() -> inner(call), executor);
  }
}
