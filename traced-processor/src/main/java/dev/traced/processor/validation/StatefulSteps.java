package dev.traced.processor.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The path steps traced refuses because taking one could change what the traced method does:
 * consume or move a value the method reads, change it, wait for it, or run it. Reading an
 * attribute happens before and after the method, on the values it is given and returns, so such a
 * step would take an element from the caller's iterator, close a stream the method still needs,
 * or block the call.
 *
 * <p>Two rules, both decided on types (a subtype counts, an override counts), never on a name
 * alone:
 *
 * <ul>
 *   <li>a <b>source</b>, a value that is consumed or moved as it is read ({@link #SOURCES}), has
 *       no properties at all. Not even its harmless-looking members are read: which of them read
 *       ahead, block or fail is up to each implementation ({@code Scanner.hasNext()} waits for
 *       input, {@code Buffer}'s getters move its position), so the only predictable rule is none;
 *   <li>a <b>listed method</b> of the JDK ({@link #METHODS}), and any method that overrides one,
 *       is never a property, whatever its name looks like ({@code getAndIncrement()}) and
 *       whatever it returns. Such a method changes its receiver, waits for it or runs it.
 * </ul>
 *
 * <p>Types that are not on the compile class path (or not in the JDK compiling, such as Java
 * 21's {@code SequencedCollection} on Java 17) are skipped.
 */
final class StatefulSteps {

  /** What a listed method does to its receiver, as the message says it. */
  enum Effect {
    CHANGES("changes"),
    WAITS("waits for"),
    RUNS("runs");

    private final String verb;

    Effect(String verb) {
      this.verb = verb;
    }

    /** {@code changes}, {@code waits for}, {@code runs}: reads as "Queue.poll() changes queue". */
    String verb() {
      return verb;
    }
  }

  /** Why a step is refused. */
  sealed interface Refusal {}

  /**
   * The receiver is a source.
   *
   * @param type the simple name of the source type it is: {@code Iterator}, {@code BaseStream}
   */
  record Source(String type) implements Refusal {}

  /**
   * The step would call a listed method.
   *
   * @param method the listed method it is or overrides, as {@code Queue.poll()}
   */
  record Call(String method, Effect effect) implements Refusal {}

  /**
   * Values that are consumed or moved as they are read, so a path reads nothing from them. A
   * subtype is one too: {@code Scanner} is an {@code Iterator}, {@code StringTokenizer} an
   * {@code Enumeration}, {@code Random} a {@code RandomGenerator}.
   */
  private static final List<String> SOURCES =
      List.of(
          "java.util.Iterator", // ListIterator, PrimitiveIterator, Scanner
          "java.util.Enumeration",
          "java.util.Spliterator",
          "java.util.stream.BaseStream", // Stream, IntStream, LongStream, DoubleStream
          "java.io.InputStream",
          "java.io.Reader",
          "java.nio.Buffer", // its get methods move its position
          "java.nio.channels.Channel",
          "java.nio.file.DirectoryStream", // its iterator can be taken once
          "java.text.CharacterIterator",
          "java.text.BreakIterator",
          "java.util.random.RandomGenerator"); // every value it gives moves it

  /**
   * The JDK's no-argument methods that change, wait for or run their receiver, by the type that
   * declares them. Those that return void or declare a checked exception are no property anyway;
   * they are here so that the message says what is really wrong with them.
   */
  private static final List<Listed> METHODS =
      List.of(
          // Collections that hand out an element and remove it.
          changes("java.util.Queue", "poll", "remove"),
          changes("java.util.Deque", "pop", "pollFirst", "pollLast", "removeFirst", "removeLast"),
          changes("java.util.NavigableSet", "pollFirst", "pollLast"),
          changes("java.util.NavigableMap", "pollFirstEntry", "pollLastEntry"),
          changes("java.util.SequencedCollection", "removeFirst", "removeLast"),
          changes("java.util.SequencedMap", "pollFirstEntry", "pollLastEntry"),
          changes("java.util.Collection", "clear"),
          changes("java.util.Map", "clear"),
          waits("java.util.concurrent.BlockingQueue", "take"),
          waits("java.util.concurrent.BlockingDeque", "takeFirst", "takeLast"),
          changes("java.util.concurrent.CompletionService", "poll"),
          waits("java.util.concurrent.CompletionService", "take"),
          changes("java.lang.ref.ReferenceQueue", "poll"),
          waits("java.lang.ref.ReferenceQueue", "remove"),
          changes("java.nio.file.WatchService", "poll"),
          waits("java.nio.file.WatchService", "take"),
          changes("java.nio.file.WatchKey", "pollEvents", "reset", "cancel"),
          // Counters.
          changes(
              "java.util.concurrent.atomic.AtomicInteger",
              "incrementAndGet", "decrementAndGet", "getAndIncrement", "getAndDecrement"),
          changes(
              "java.util.concurrent.atomic.AtomicLong",
              "incrementAndGet", "decrementAndGet", "getAndIncrement", "getAndDecrement"),
          changes(
              "java.util.concurrent.atomic.LongAdder",
              "increment", "decrement", "reset", "sumThenReset"),
          changes("java.util.concurrent.atomic.DoubleAdder", "reset", "sumThenReset"),
          changes("java.util.concurrent.atomic.LongAccumulator", "reset", "getThenReset"),
          changes("java.util.concurrent.atomic.DoubleAccumulator", "reset", "getThenReset"),
          // Results of other threads, and locks and other ways of waiting for them.
          waits("java.util.concurrent.Future", "get"),
          waits("java.util.concurrent.CompletableFuture", "join"),
          waits("java.util.concurrent.ForkJoinTask", "join", "quietlyJoin"),
          runs("java.util.concurrent.ForkJoinTask", "fork", "invoke", "quietlyInvoke"),
          changes("java.util.concurrent.ForkJoinTask", "tryUnfork"),
          waits("java.util.concurrent.CountDownLatch", "await"),
          changes("java.util.concurrent.CountDownLatch", "countDown"),
          waits("java.util.concurrent.CyclicBarrier", "await"),
          changes("java.util.concurrent.CyclicBarrier", "reset"),
          waits("java.util.concurrent.Phaser", "arriveAndAwaitAdvance"),
          changes("java.util.concurrent.Phaser", "register", "arrive", "arriveAndDeregister"),
          waits("java.util.concurrent.Semaphore", "acquire", "acquireUninterruptibly"),
          changes("java.util.concurrent.Semaphore", "tryAcquire", "drainPermits", "release"),
          waits("java.util.concurrent.locks.Lock", "lock", "lockInterruptibly"),
          changes("java.util.concurrent.locks.Lock", "tryLock", "unlock"),
          waits(
              "java.util.concurrent.locks.StampedLock",
              "readLock", "writeLock", "readLockInterruptibly", "writeLockInterruptibly"),
          changes(
              "java.util.concurrent.locks.StampedLock",
              "tryReadLock", "tryWriteLock", "tryUnlockRead", "tryUnlockWrite"),
          waits("java.util.concurrent.locks.Condition", "await", "awaitUninterruptibly"),
          changes("java.util.concurrent.locks.Condition", "signal", "signalAll"),
          // Threads, processes, executors, timers.
          runs("java.lang.Thread", "start"),
          changes("java.lang.Thread", "interrupt"),
          waits("java.lang.Thread", "join"),
          changes("java.lang.Process", "destroy", "destroyForcibly"),
          waits("java.lang.Process", "waitFor"),
          changes("java.util.concurrent.ExecutorService", "shutdown", "shutdownNow"),
          changes(
              "java.util.concurrent.ThreadPoolExecutor",
              "prestartCoreThread", "prestartAllCoreThreads", "purge"),
          changes("java.util.Timer", "cancel", "purge"),
          changes("java.util.TimerTask", "cancel"),
          // Code that runs when called.
          runs("java.lang.Runnable", "run"),
          runs("java.util.concurrent.Callable", "call"),
          runs("java.util.function.Supplier", "get"),
          runs("java.util.function.BooleanSupplier", "getAsBoolean"),
          runs("java.util.function.IntSupplier", "getAsInt"),
          runs("java.util.function.LongSupplier", "getAsLong"),
          runs("java.util.function.DoubleSupplier", "getAsDouble"),
          // Resources, references and text changed in place.
          changes("java.lang.AutoCloseable", "close"),
          changes("java.lang.ref.Reference", "clear", "enqueue"),
          changes("java.lang.StringBuilder", "reverse"),
          changes("java.lang.StringBuffer", "reverse"));

  /** Methods of one type that have one effect. */
  private record Listed(String type, Effect effect, List<String> methods) {}

  private static Listed changes(String type, String... methods) {
    return new Listed(type, Effect.CHANGES, List.of(methods));
  }

  private static Listed waits(String type, String... methods) {
    return new Listed(type, Effect.WAITS, List.of(methods));
  }

  private static Listed runs(String type, String... methods) {
    return new Listed(type, Effect.RUNS, List.of(methods));
  }

  /** A listed method as javac knows it. */
  private record ListedMethod(ExecutableElement method, Call call) {}

  private final Types types;
  private final Elements elements;
  private final List<TypeElement> sources = new ArrayList<>();
  /** The listed methods by simple name, so that most methods are ruled out by a map look-up. */
  private final Map<String, List<ListedMethod>> methodsByName = new HashMap<>();
  /** Listed methods their type does not have: a mistake in {@link #METHODS}. */
  private final List<String> unresolved = new ArrayList<>();

  StatefulSteps(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    for (String name : SOURCES) {
      TypeElement source = elements.getTypeElement(name);
      if (source != null) {
        sources.add(source);
      }
    }
    for (Listed listed : METHODS) {
      TypeElement type = elements.getTypeElement(listed.type());
      if (type == null) {
        continue;
      }
      for (String name : listed.methods()) {
        Optional<ExecutableElement> method = noArgumentMethod(type, name);
        if (method.isEmpty()) {
          unresolved.add(listed.type() + "." + name + "()");
          continue;
        }
        Call call = new Call(type.getSimpleName() + "." + name + "()", listed.effect());
        methodsByName
            .computeIfAbsent(name, n -> new ArrayList<>())
            .add(new ListedMethod(method.get(), call));
      }
    }
  }

  /** The source {@code receiver} is, if it is one. */
  Optional<Source> source(DeclaredType receiver) {
    for (TypeElement source : sources) {
      if (types.isSubtype(types.erasure(receiver), types.erasure(source.asType()))) {
        return Optional.of(new Source(source.getSimpleName().toString()));
      }
    }
    return Optional.empty();
  }

  /**
   * The listed method that {@code method}, a member of {@code receiver}, is or overrides, if
   * any. {@link Elements#overrides} with the receiver's type also catches a method that a class
   * inherits from a superclass and that implements a listed interface method only there.
   */
  Optional<Call> call(ExecutableElement method, TypeElement receiver) {
    if (!method.getParameters().isEmpty()) {
      return Optional.empty();
    }
    for (ListedMethod listed :
        methodsByName.getOrDefault(method.getSimpleName().toString(), List.of())) {
      if (method.equals(listed.method())
          || elements.overrides(method, listed.method(), receiver)) {
        return Optional.of(listed.call());
      }
    }
    return Optional.empty();
  }

  /**
   * The entries of {@link #METHODS} whose type is there but has no such no-argument instance
   * method: a typo would otherwise switch an entry off without a word. For tests.
   */
  List<String> unresolved() {
    return List.copyOf(unresolved);
  }

  private static Optional<ExecutableElement> noArgumentMethod(TypeElement type, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name)
          && method.getParameters().isEmpty()
          && !method.getModifiers().contains(Modifier.STATIC)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }
}
