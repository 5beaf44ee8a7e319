package dev.traced.processor.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles generated sources, several per javac call, with a processor, and checks what must hold
 * whatever the sources say:
 *
 * <ol>
 *   <li>the processor never throws (compile-testing rethrows what a processor throws) and no
 *       diagnostic is a traced internal error or carries a stack trace;
 *   <li>every error is located in one of the sources compiled (never without a file, never in a
 *       generated file); in a source that is valid Java apart from its annotation values, every
 *       error is traced's own ({@code [traced:...]}), so a javac error there means the generator
 *       wrote broken Java; a source with a deliberately unknown type has at least one error;
 *   <li>when the compilation succeeds, every source got its aspect, and the aspect is lexically
 *       sound ({@link AspectCheck}).
 * </ol>
 *
 * <p>When a batch fails, each file must account for it on its own: the files of the batch that
 * have no error located in them are compiled again, together (and again, while that fails and
 * some of them now have errors), until they compile without errors and get their aspects. So a
 * file that failed always has an error inside itself.
 *
 * <p>Any violation fails with an {@link AssertionError} naming the seed, the index of each source
 * involved (compiled alone again, to show whether it fails alone), its diagnostics and its text.
 */
public final class BatchChecker {

  private static final Pattern TRACED_ID = Pattern.compile("^\\[(traced:[a-z0-9-]+)\\]");

  /** javac stops reporting after 100 errors by default; every file must show its own. */
  private static final List<String> OPTIONS =
      List.of("-Xmaxerrs", "1000000", "-Xmaxwarns", "1000000");

  /** Processor options of the batch being checked ({@code -Atraced.semconv=off}, say). */
  private List<String> processorOptions = List.of();

  private final long seed;
  private final Supplier<Processor> processors;

  private int compilations;
  private int sources;
  private int tracedMethods;
  private int sourcesWithErrors;
  private int unknownTypeSources;
  private int aspectsChecked;
  private final Map<String, Integer> diagnosticsById = new TreeMap<>();

  public BatchChecker(long seed, Supplier<Processor> processors) {
    this.seed = seed;
    this.processors = processors;
  }

  /** The result of one javac call: the compilation, or what the compiler threw. */
  private record Outcome(Compilation compilation, Throwable thrown, Map<URI, FuzzSource> files) {

    boolean succeeded() {
      return thrown == null && compilation.status() == Compilation.Status.SUCCESS;
    }

    List<Diagnostic<? extends JavaFileObject>> diagnostics() {
      return thrown == null ? List.copyOf(compilation.diagnostics()) : List.of();
    }

    /** The input file a diagnostic is located in, or null (no file, or not an input file). */
    FuzzSource sourceOf(Diagnostic<? extends JavaFileObject> diagnostic) {
      return diagnostic.getSource() == null ? null : files.get(diagnostic.getSource().toUri());
    }

    List<Diagnostic<? extends JavaFileObject>> errorsIn(FuzzSource source) {
      return diagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR && sourceOf(d) == source)
          .collect(Collectors.toList());
    }
  }

  /** One violation; {@code source} is null when it cannot be pinned on one file. */
  private record Problem(FuzzSource source, String what) {}

  private Outcome compile(List<FuzzSource> batch) {
    compilations++;
    Map<URI, FuzzSource> files = new LinkedHashMap<>();
    List<JavaFileObject> objects = new ArrayList<>();
    for (FuzzSource source : batch) {
      JavaFileObject object = source.toJavaFileObject();
      files.put(object.toUri(), source);
      objects.add(object);
    }
    try {
      Compilation compilation =
          Compiler.javac()
              .withProcessors(processors.get())
              .withOptions(Stream.concat(OPTIONS.stream(), processorOptions.stream()).toList())
              .compile(objects);
      return new Outcome(compilation, null, files);
    } catch (Throwable thrown) {
      return new Outcome(null, thrown, files);
    }
  }

  /** Compiles {@code batch} and checks it; throws an {@link AssertionError} on any violation. */
  public void check(List<FuzzSource> batch) {
    check(batch, List.of());
  }

  /** {@link #check(List)}, with javac options such as {@code -Atraced.semconv=off}. */
  public void check(List<FuzzSource> batch, List<String> processorOptions) {
    this.processorOptions = List.copyOf(processorOptions);
    Outcome outcome = compile(batch);
    List<Problem> problems = problems(outcome, batch);
    // The sources without an error in them must compile on their own. Compile them again, and
    // again if that still fails: javac runs no processor at all when one source has an error it
    // cannot recover from (an unknown enum constant in an annotation, say), so the errors of the
    // other sources can only show in a compilation without that one.
    List<Outcome> outcomes = new ArrayList<>(List.of(outcome));
    List<FuzzSource> pending = batch;
    Outcome last = outcome;
    while (problems.isEmpty() && !last.succeeded()) {
      Outcome previous = last;
      List<FuzzSource> clean =
          pending.stream().filter(s -> previous.errorsIn(s).isEmpty()).collect(Collectors.toList());
      if (clean.size() == pending.size()) {
        problems.add(new Problem(null, "the compilation failed, but no error is in any source"));
      } else if (!clean.isEmpty()) {
        last = compile(clean);
        outcomes.add(last);
        problems.addAll(problems(last, clean));
        pending = clean;
        continue;
      }
      break;
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(report(batch, problems));
    }
    count(batch, outcomes);
  }

  private List<Problem> problems(Outcome outcome, List<FuzzSource> batch) {
    List<Problem> problems = new ArrayList<>();
    if (outcome.thrown() != null) {
      problems.add(new Problem(null, "the compilation threw " + stackTrace(outcome.thrown())));
      return problems;
    }
    for (Diagnostic<? extends JavaFileObject> d : outcome.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      FuzzSource source = outcome.sourceOf(d);
      if (message.contains("[traced:internal-error]")) {
        problems.add(new Problem(source, "an internal error: " + describe(d)));
      } else if (message.contains("\tat ")) {
        problems.add(new Problem(source, "a diagnostic with a stack trace: " + describe(d)));
      } else if (d.getKind() == Diagnostic.Kind.ERROR && source == null) {
        problems.add(
            new Problem(
                null,
                "an error located in no input file (file: "
                    + (d.getSource() == null ? "none" : d.getSource().toUri())
                    + "): "
                    + describe(d)));
      }
    }
    for (FuzzSource source : batch) {
      List<Diagnostic<? extends JavaFileObject>> errors = outcome.errorsIn(source);
      if (source.unknownType() && errors.isEmpty()) {
        problems.add(new Problem(source, "it names a missing type, but no error is in it"));
      }
      if (!source.unknownType()) {
        for (Diagnostic<? extends JavaFileObject> error : errors) {
          if (!error.getMessage(Locale.ROOT).startsWith("[traced:")) {
            problems.add(
                new Problem(
                    source,
                    "a javac error in a source meant to be valid Java apart from its annotation"
                        + " values (a bug of the generator, or an error of traced without its"
                        + " id): "
                        + describe(error)));
          }
        }
      }
    }
    if (outcome.succeeded()) {
      for (FuzzSource source : batch) {
        Optional<JavaFileObject> aspect =
            outcome
                .compilation()
                .generatedFile(
                    StandardLocation.SOURCE_OUTPUT,
                    source.packageName(),
                    source.aspectFileName());
        if (aspect.isEmpty()) {
          problems.add(
              new Problem(
                  source,
                  "it compiled without errors, but the processor wrote no "
                      + source.aspectFileName()));
          continue;
        }
        String text;
        try {
          text = aspect.get().getCharContent(true).toString();
        } catch (IOException | RuntimeException e) {
          problems.add(
              new Problem(
                  source,
                  "the processor created " + source.aspectFileName() + " but it cannot be read"
                      + " (never written?): " + e));
          continue;
        }
        String aspectName = source.aspectFileName().replace(".aj", "");
        List<String> aspectProblems = new ArrayList<>(AspectCheck.problems(text, aspectName));
        aspectProblems.addAll(AspectCheck.shadowingFormals(text));
        for (String problem : aspectProblems) {
          problems.add(
              new Problem(
                  source,
                  "the generated " + source.aspectFileName() + " is not sound: " + problem
                      + "\n---- " + source.aspectFileName() + " ----\n" + text));
        }
      }
    }
    return problems;
  }

  /**
   * Counts what happened to each source: it failed in the first compilation where it had errors,
   * or compiled (and got a checked aspect) in the last one.
   */
  private void count(List<FuzzSource> batch, List<Outcome> outcomes) {
    sources += batch.size();
    for (FuzzSource source : batch) {
      tracedMethods += source.tracedMethods().size();
      if (source.unknownType()) {
        unknownTypeSources++;
      }
      Outcome decisive = outcomes.get(outcomes.size() - 1);
      for (Outcome outcome : outcomes) {
        if (!outcome.errorsIn(source).isEmpty()) {
          decisive = outcome;
          break;
        }
      }
      if (decisive.errorsIn(source).isEmpty()) {
        aspectsChecked++;
      } else {
        sourcesWithErrors++;
      }
      for (Diagnostic<? extends JavaFileObject> d : decisive.diagnostics()) {
        if (decisive.sourceOf(d) != source) {
          continue;
        }
        Matcher id = TRACED_ID.matcher(d.getMessage(Locale.ROOT));
        String key =
            id.find() ? id.group(1) : "javac " + d.getKind().toString().toLowerCase(Locale.ROOT);
        diagnosticsById.merge(key, 1, Integer::sum);
      }
    }
  }

  public int sources() {
    return sources;
  }

  public int sourcesWithErrors() {
    return sourcesWithErrors;
  }

  public int aspectsChecked() {
    return aspectsChecked;
  }

  /** What the checked sources were and what the processor made of them. */
  public String summary() {
    return String.format(
        "%d sources, %d @Traced methods, %d javac calls; %d sources failed with errors in"
            + " themselves (%d of them with a deliberately unknown type), %d compiled and got a"
            + " sound aspect; diagnostics: %s",
        sources,
        tracedMethods,
        compilations,
        sourcesWithErrors,
        unknownTypeSources,
        aspectsChecked,
        diagnosticsById);
  }

  // ---------------------------------------------------------------------------------------------
  // Failure reports

  private String report(List<FuzzSource> batch, List<Problem> problems) {
    StringBuilder out = new StringBuilder();
    out.append("The processor broke an invariant on generated sources (seed ")
        .append(seed)
        .append(processorOptions.isEmpty() ? "" : ", javac options " + processorOptions)
        .append(").\n");
    List<FuzzSource> culprits =
        problems.stream()
            .map(Problem::source)
            .filter(s -> s != null)
            .distinct()
            .collect(Collectors.toList());
    for (Problem problem : problems) {
      out.append("\n* ")
          .append(problem.source() == null ? "batch" : "source #" + problem.source().index())
          .append(": ")
          .append(problem.what())
          .append('\n');
    }
    if (culprits.isEmpty()) {
      // Not pinned on a file: find the sources that break an invariant alone.
      for (FuzzSource source : batch) {
        Outcome alone = compile(List.of(source));
        if (!problems(alone, List.of(source)).isEmpty()) {
          culprits.add(source);
        }
      }
      out.append(
          culprits.isEmpty()
              ? "\nNo source breaks it alone; all sources of the batch follow.\n"
              : "\nSources that break it when compiled alone follow.\n");
      if (culprits.isEmpty()) {
        culprits = batch;
      }
    }
    for (FuzzSource source : culprits.subList(0, Math.min(3, culprits.size()))) {
      Outcome alone = compile(List.of(source));
      out.append("\n==== source #")
          .append(source.index())
          .append(": ")
          .append(source.qualifiedName())
          .append(" (seed ")
          .append(seed)
          .append("; reproduce with -Dtraced.fuzz.seed=")
          .append(seed)
          .append(" -Dtraced.fuzz.only=")
          .append(source.index())
          .append(") ====\n");
      List<Problem> aloneProblems = problems(alone, List.of(source));
      out.append("Compiled alone: ")
          .append(
              alone.thrown() != null
                  ? "threw"
                  : alone.succeeded() ? "succeeded" : "failed")
          .append(aloneProblems.isEmpty() ? ", and breaks no invariant" : ", and breaks:")
          .append('\n');
      for (Problem problem : aloneProblems) {
        out.append("  - ").append(problem.what()).append('\n');
      }
      out.append("Diagnostics when compiled alone:\n");
      for (Diagnostic<? extends JavaFileObject> d : alone.diagnostics()) {
        out.append("  ").append(describe(d)).append('\n');
      }
      out.append(source.numberedText());
    }
    if (culprits.size() > 3) {
      out.append("\n(and ").append(culprits.size() - 3).append(" more sources)\n");
    }
    return out.toString();
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    String file = d.getSource() == null ? "<no file>" : d.getSource().getName();
    String message = d.getMessage(Locale.ROOT);
    if (message.length() > 2000) {
      message = message.substring(0, 2000) + "...";
    }
    return d.getKind() + " " + file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " "
        + message;
  }

  /** The cause chain of {@code thrown}, a dozen frames of each: enough to find the bug. */
  private static String stackTrace(Throwable thrown) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      out.append(t == thrown ? "" : "\nCaused by: ").append(t);
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < frames.length && i < 12; i++) {
        out.append("\n\tat ").append(frames[i]);
      }
      if (frames.length > 12) {
        out.append("\n\t... ").append(frames.length - 12).append(" more");
      }
    }
    return out.toString();
  }
}
