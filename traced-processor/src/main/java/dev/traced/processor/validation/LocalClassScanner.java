package dev.traced.processor.validation;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.traced.processor.diagnostics.Diagnostics;
import dev.traced.processor.diagnostics.Message;
import java.util.stream.Collectors;

/**
 * Finds {@code @Traced} on methods of local and anonymous classes (enum constant bodies
 * included). javac never hands those methods to a processor, since they are not members of any
 * type it can name, so without this scan such an annotation would silently do nothing. Method
 * bodies are not attributed while processors run, so the annotation is recognised by how it is
 * written: {@code @dev.traced.Traced}, or {@code @Traced} with {@code dev.traced.Traced} imported.
 */
public final class LocalClassScanner {

  private final Trees trees;
  private final Diagnostics diagnostics;

  public LocalClassScanner(Trees trees, Diagnostics diagnostics) {
    this.trees = trees;
    this.diagnostics = diagnostics;
  }

  /** Reports every {@code @Traced} method of a local or anonymous class in {@code unit}. */
  public void scan(CompilationUnitTree unit) {
    boolean simpleNameImported =
        unit.getImports().stream()
            .map(ImportTree::getQualifiedIdentifier)
            .map(Tree::toString)
            .anyMatch(name -> name.equals(TracedMethodValidator.TRACED) || name.equals("dev.traced.*"))
            || (unit.getPackageName() != null
                && unit.getPackageName().toString().equals("dev.traced"));
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree method, Void unused) {
        TreePath classPath = getCurrentPath().getParentPath();
        if (isLocalOrAnonymous(classPath)) {
          for (AnnotationTree annotation : method.getModifiers().getAnnotations()) {
            String type = annotation.getAnnotationType().toString();
            if (type.equals(TracedMethodValidator.TRACED)
                || (type.equals("Traced") && simpleNameImported)) {
              diagnostics.report(
                  Message.LOCAL_OR_ANONYMOUS_CLASS,
                  trees,
                  method,
                  unit,
                  describe((ClassTree) classPath.getLeaf(), method));
            }
          }
        }
        return super.visitMethod(method, unused);
      }
    }.scan(unit, null);
  }

  /** Whether the class at {@code classPath} is declared in a block or as an anonymous body. */
  private static boolean isLocalOrAnonymous(TreePath classPath) {
    if (classPath == null || !(classPath.getLeaf() instanceof ClassTree)) {
      return false;
    }
    Tree parent = classPath.getParentPath() == null ? null : classPath.getParentPath().getLeaf();
    return parent instanceof NewClassTree || parent instanceof BlockTree || parent instanceof CaseTree;
  }

  /** {@code Local.work(String)}, or {@code run()} in an anonymous class. */
  private static String describe(ClassTree owner, MethodTree method) {
    String className = owner.getSimpleName().toString();
    return (className.isEmpty() ? "" : className + ".")
        + method.getName()
        + method.getParameters().stream()
            .map(parameter -> parameter.getType().toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
