package dev.traced.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.traced.processor.diagnostics.Diagnostics;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.model.TracedClass;
import dev.traced.processor.model.TracedMethod;
import dev.traced.processor.catalogue.SpanCatalogue;
import dev.traced.processor.validation.LocalClassScanner;
import dev.traced.processor.validation.SemanticConventions;
import dev.traced.processor.validation.SourceLocations;
import dev.traced.processor.validation.SpanShapes;
import dev.traced.processor.validation.SuppressionValidator;
import dev.traced.processor.validation.TracedMethodValidator;
import dev.traced.processor.writing.AspectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The annotation processor. For every top-level class with {@code @Traced} methods (in itself or
 * its nested classes) it checks each method ({@link TracedMethodValidator}) and, when all are
 * valid, writes one code-style AspectJ aspect ({@link AspectWriter}) to the generated-sources
 * directory, for {@code aspectj-maven-plugin} to compile and weave. It never throws: anything
 * unexpected becomes a compile error on the element being processed.
 */
@AutoService(Processor.class)
public final class TracedProcessor extends AbstractProcessor {

  /**
   * Top-level classes whose traced methods still had unresolved types, retried next round, when
   * another processor may have generated those types. Kept by name: elements of one round must
   * not be used in the next.
   */
  private final Set<String> deferred = new LinkedHashSet<>();

  /** The processor option that turns the semantic-convention check on (default) or off. */
  public static final String SEMCONV_OPTION = "traced.semconv";

  /** The processor option that turns the {@code code.*} source attributes on (default) or off. */
  public static final String CODE_ATTRIBUTES_OPTION = "traced.codeAttributes";

  /** Whether spans get the {@code code.*} attributes; read with the other options, once. */
  private Boolean codeAttributes;

  /** javac's tree API, or null under a compiler that has none (nothing to scan with then). */
  private Trees trees;

  /** The attribute types of every span name seen in this compilation, across rounds. */
  private final SpanShapes spanShapes = new SpanShapes();

  /** The semantic-convention registry, loaded on first use, once per compilation. */
  private SemanticConventions conventions;

  /** The span catalogue of this compilation, written when processing is over. */
  private SpanCatalogue catalogue;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    try {
      trees = Trees.instance(processingEnv);
    } catch (IllegalArgumentException notJavac) {
      trees = null;
    }
    catalogue = new SpanCatalogue(processingEnv, trees);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(SEMCONV_OPTION, CODE_ATTRIBUTES_OPTION);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // Every type, not only @Traced: javac hides @Traced on methods of local and anonymous
    // classes, and those must be found (and rejected) in source files that have no other use.
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    processRound(round);
    catalogue.afterRound(round);
    return false;
  }

  private void processRound(RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    Element current = null;
    try {
      scanLocalClasses(round, diagnostics);
      new SuppressionValidator(diagnostics).check(round.getRootElements());
      Set<String> classNames = new LinkedHashSet<>(deferred);
      deferred.clear();
      TypeElement traced =
          processingEnv.getElementUtils().getTypeElement(TracedMethodValidator.TRACED);
      if (traced != null) {
        for (ExecutableElement method :
            ElementFilter.methodsIn(round.getElementsAnnotatedWith(traced))) {
          classNames.add(topLevelClassOf(method).getQualifiedName().toString());
        }
      }
      if (classNames.isEmpty()) {
        return;
      }
      TracedMethodValidator validator =
          new TracedMethodValidator(
              processingEnv.getTypeUtils(),
              processingEnv.getElementUtils(),
              diagnostics,
              conventions(),
              spanShapes,
              new SourceLocations(trees, processingEnv.getElementUtils()),
              codeAttributes());
      for (String className : classNames) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(className);
        current = type;
        if (type == null) {
          continue;
        }
        List<ExecutableElement> methods = new ArrayList<>();
        collectTracedMethods(type, methods);
        if (methods.stream().anyMatch(TracedProcessor::hasUnresolvedTypes)) {
          if (!round.processingOver()) {
            deferred.add(className);
          }
          continue; // on the last round javac reports the unresolved type itself
        }
        List<TracedMethod> valid = new ArrayList<>();
        boolean allValid = true;
        for (ExecutableElement method : methods) {
          current = method;
          Optional<TracedMethod> checked = validator.validate(method);
          checked.ifPresent(valid::add);
          allValid &= checked.isPresent();
        }
        current = type;
        if (allValid && !valid.isEmpty()) {
          TracedClass tracedClass = model(type, valid);
          writeAspect(tracedClass, type);
          catalogue.add(aspectName(tracedClass), methods, valid, conventions());
        }
      }
    } catch (Throwable e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      if (current != null) {
        diagnostics.report(Message.INTERNAL_ERROR, current, e, trace);
      } else {
        processingEnv
            .getMessager()
            .printMessage(Message.INTERNAL_ERROR.kind(), Message.INTERNAL_ERROR.format(e, trace));
      }
    }
  }

  private static String aspectName(TracedClass tracedClass) {
    return tracedClass.packageName().isEmpty()
        ? tracedClass.aspectName()
        : tracedClass.packageName() + "." + tracedClass.aspectName();
  }

  /**
   * The registry keys are checked against: the published semantic conventions, or none when
   * {@code -Atraced.semconv=off}. An invalid option value is an error, reported once.
   */
  private SemanticConventions conventions() throws IOException {
    if (conventions == null) {
      conventions = isOn(SEMCONV_OPTION) ? SemanticConventions.load() : SemanticConventions.none();
    }
    return conventions;
  }

  /** Whether spans get {@code code.*} attributes: on unless {@code -Atraced.codeAttributes=off}. */
  private boolean codeAttributes() {
    if (codeAttributes == null) {
      codeAttributes = isOn(CODE_ATTRIBUTES_OPTION);
    }
    return codeAttributes;
  }

  /**
   * An on/off option, on by default. Any other value is an error (reported once, since each
   * option is read once per compilation), and the option stays on.
   */
  private boolean isOn(String option) {
    String value = processingEnv.getOptions().getOrDefault(option, "on");
    if (!value.equals("on") && !value.equals("off")) {
      processingEnv
          .getMessager()
          .printMessage(
              Message.INVALID_OPTION.kind(), Message.INVALID_OPTION.format(option, value));
    }
    return !value.equals("off");
  }

  /** Rejects {@code @Traced} in local and anonymous classes, where javac would hide it. */
  private void scanLocalClasses(RoundEnvironment round, Diagnostics diagnostics) {
    if (trees == null) {
      return;
    }
    LocalClassScanner scanner = new LocalClassScanner(trees, diagnostics);
    Set<CompilationUnitTree> scanned = new LinkedHashSet<>();
    for (Element root : round.getRootElements()) {
      TreePath path = trees.getPath(root);
      if (path != null && scanned.add(path.getCompilationUnit())) {
        scanner.scan(path.getCompilationUnit());
      }
    }
  }

  /** The {@code @Traced} methods of {@code type} and its member classes, in source order. */
  private static void collectTracedMethods(TypeElement type, List<ExecutableElement> into) {
    for (Element member : type.getEnclosedElements()) {
      if (member instanceof ExecutableElement method
          && TracedMethodValidator.tracedAnnotation(method).isPresent()) {
        into.add(method);
      } else if (member instanceof TypeElement nested) {
        collectTracedMethods(nested, into);
      }
    }
  }

  private static TypeElement topLevelClassOf(Element element) {
    Element type = element.getEnclosingElement();
    while (!(type.getEnclosingElement() instanceof PackageElement)) {
      type = type.getEnclosingElement();
    }
    return (TypeElement) type;
  }

  private TracedClass model(TypeElement type, List<TracedMethod> methods) {
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(type);
    String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    return new TracedClass(
        packageName,
        type.getQualifiedName().toString(),
        type.getSimpleName() + "_Traced",
        methods);
  }

  private void writeAspect(TracedClass tracedClass, TypeElement type) throws IOException {
    FileObject file =
        processingEnv
            .getFiler()
            .createResource(
                StandardLocation.SOURCE_OUTPUT,
                tracedClass.packageName(),
                tracedClass.aspectName() + ".aj",
                type);
    try (Writer writer = file.openWriter()) {
      writer.write(AspectWriter.write(tracedClass, codeAttributes()));
    }
  }

  private static boolean hasUnresolvedTypes(ExecutableElement method) {
    if (isError(method.getReturnType())) {
      return true;
    }
    for (var parameter : method.getParameters()) {
      if (isError(parameter.asType())) {
        return true;
      }
    }
    for (TypeMirror thrown : method.getThrownTypes()) {
      if (isError(thrown)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }
}
