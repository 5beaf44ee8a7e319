package dev.traced.processor;

import com.google.auto.service.AutoService;
import dev.traced.processor.diagnostics.Diagnostics;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.model.TracedClass;
import dev.traced.processor.model.TracedMethod;
import dev.traced.processor.validation.TracedMethodValidator;
import dev.traced.processor.writing.AspectWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The annotation processor: for every class with {@code @Traced} methods it checks each method
 * ({@link TracedMethodValidator}), and when all are valid writes one code-style AspectJ aspect
 * ({@link AspectWriter}) to the generated-sources directory, for {@code aspectj-maven-plugin} to
 * compile and weave. It never throws: anything unexpected becomes a compile error on the element
 * being processed.
 */
@AutoService(Processor.class)
public final class TracedProcessor extends AbstractProcessor {

  /**
   * Methods whose signature still had unresolved types, retried next round, when another
   * processor may have generated those types.
   */
  private final List<ExecutableElement> deferred = new ArrayList<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(TracedMethodValidator.TRACED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    Element current = null;
    try {
      List<ExecutableElement> methods = new ArrayList<>(deferred);
      deferred.clear();
      TypeElement traced =
          processingEnv.getElementUtils().getTypeElement(TracedMethodValidator.TRACED);
      if (traced != null) {
        methods.addAll(ElementFilter.methodsIn(round.getElementsAnnotatedWith(traced)));
      }
      TracedMethodValidator validator =
          new TracedMethodValidator(
              processingEnv.getTypeUtils(), processingEnv.getElementUtils(), diagnostics);

      Map<TypeElement, List<Optional<TracedMethod>>> byClass = new LinkedHashMap<>();
      for (ExecutableElement method : methods) {
        current = method;
        if (hasUnresolvedTypes(method)) {
          if (!round.processingOver()) {
            deferred.add(method);
          }
          continue; // on the last round javac reports the unresolved type itself
        }
        byClass
            .computeIfAbsent((TypeElement) method.getEnclosingElement(), k -> new ArrayList<>())
            .add(validator.validate(method));
      }
      for (Map.Entry<TypeElement, List<Optional<TracedMethod>>> entry : byClass.entrySet()) {
        current = entry.getKey();
        if (entry.getValue().stream().allMatch(Optional::isPresent)) {
          List<TracedMethod> valid = entry.getValue().stream().map(Optional::get).toList();
          writeAspect(model(entry.getKey(), valid), entry.getKey());
        }
      }
    } catch (Throwable e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      Element at = current != null ? current : null;
      if (at != null) {
        diagnostics.report(Message.INTERNAL_ERROR, at, e, trace);
      } else {
        processingEnv
            .getMessager()
            .printMessage(Message.INTERNAL_ERROR.kind(), Message.INTERNAL_ERROR.format(e, trace));
      }
    }
    return false;
  }

  private TracedClass model(TypeElement type, List<TracedMethod> methods) {
    PackageElement pkg = processingEnv.getElementUtils().getPackageOf(type);
    String packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
    String typeName = type.getQualifiedName().toString();
    String nestedPath =
        packageName.isEmpty() ? typeName : typeName.substring(packageName.length() + 1);
    return new TracedClass(
        packageName, typeName, nestedPath.replace('.', '_') + "_Traced", methods);
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
      writer.write(AspectWriter.write(tracedClass));
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
    return method.getEnclosingElement().getKind() == ElementKind.OTHER;
  }

  private static boolean isError(TypeMirror type) {
    return type.getKind() == TypeKind.ERROR;
  }
}
