package dev.traced.processor.validation;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/**
 * Where a method is declared, for {@code code.file.path} and {@code code.line.number}: the file
 * relative to its source root ({@code shop/OrderService.java}, the same wherever the project is
 * checked out, so builds stay reproducible) and the line of the method's name.
 */
public final class SourceLocations {

  /** A method's source file relative to the source root, and its line; both may be unknown. */
  public record Location(String file, int line) {
    static final Location UNKNOWN = new Location(null, 0);
  }

  private final Trees trees;
  private final Elements elements;

  /** @param trees javac's tree API, or null under a compiler without one: locations unknown */
  public SourceLocations(Trees trees, Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  Location of(ExecutableElement method) {
    if (trees == null) {
      return Location.UNKNOWN;
    }
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree)) {
      return Location.UNKNOWN;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    String fileName = unit.getSourceFile().getName();
    fileName = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    PackageElement pkg = elements.getPackageOf(method);
    String file =
        pkg.isUnnamed() ? fileName : pkg.getQualifiedName().toString().replace('.', '/') + "/" + fileName;
    // The return type starts the line with the method's name in any usual layout; the tree's own
    // start would be the line of its first annotation.
    long position =
        trees.getSourcePositions()
            .getStartPosition(unit, tree.getReturnType() != null ? tree.getReturnType() : tree);
    int line = position < 0 ? 0 : (int) unit.getLineMap().getLineNumber(position);
    return new Location(file, line);
  }
}
