package dev.traced.processor.model;

/**
 * When a traced method's span ends, decided at compile time from its declared return type, and
 * the runtime adapter that ends it for async results.
 */
public enum SpanEnd {
  /** When the method returns or throws. */
  RETURN(null, null, false),
  /** When the returned {@code CompletionStage} completes; the caller gets the same stage. */
  COMPLETION_STAGE("dev.traced.runtime.TracedAsync", "endOnCompletion", true),
  /** On the returned {@code Mono}'s first terminal signal or cancellation. */
  REACTOR_MONO("dev.traced.runtime.reactor.TracedReactor", "mono", true),
  /** On the returned {@code Flux}'s first terminal signal or cancellation. */
  REACTOR_FLUX("dev.traced.runtime.reactor.TracedReactor", "flux", false),
  /** On the returned RxJava {@code Single}'s first terminal signal or disposal. */
  RXJAVA_SINGLE("dev.traced.runtime.rxjava3.TracedRxJava3", "single", true),
  /** On the returned RxJava {@code Maybe}'s first terminal signal or disposal. */
  RXJAVA_MAYBE("dev.traced.runtime.rxjava3.TracedRxJava3", "maybe", true),
  /** On the returned RxJava {@code Completable}'s first terminal signal or disposal. */
  RXJAVA_COMPLETABLE("dev.traced.runtime.rxjava3.TracedRxJava3", "completable", false),
  /** On the returned RxJava {@code Observable}'s first terminal signal or disposal. */
  RXJAVA_OBSERVABLE("dev.traced.runtime.rxjava3.TracedRxJava3", "observable", false),
  /** On the returned RxJava {@code Flowable}'s first terminal signal or cancellation. */
  RXJAVA_FLOWABLE("dev.traced.runtime.rxjava3.TracedRxJava3", "flowable", false);

  private final String adapter;
  private final String adapterMethod;
  private final boolean singleValue;

  SpanEnd(String adapter, String adapterMethod, boolean singleValue) {
    this.adapter = adapter;
    this.adapterMethod = adapterMethod;
    this.singleValue = singleValue;
  }

  /** Whether the span outlives the call: it ends when the returned work does. */
  public boolean isAsync() {
    return this != RETURN;
  }

  /** The runtime class that ends the span of an async result; null for {@link #RETURN}. */
  public String adapter() {
    return adapter;
  }

  /** The static method of {@link #adapter()} that takes the result, span and callbacks. */
  public String adapterMethod() {
    return adapterMethod;
  }

  /**
   * Whether the result completes with at most one value, which {@code return} in attrs then
   * reads; a stream of values or none (Flux, Completable, ...) has no such value.
   */
  public boolean hasSingleValue() {
    return singleValue;
  }

  /** Whether the adapter hands back a new publisher, rather than the caller's own object. */
  public boolean wrapsResult() {
    return isAsync() && this != COMPLETION_STAGE;
  }
}
