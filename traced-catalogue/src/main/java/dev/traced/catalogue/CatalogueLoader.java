package dev.traced.catalogue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds and reads the catalogues of a jar, a classes directory, a {@code spans.json} file, or a
 * class path of those (entries separated by {@link File#pathSeparator}), and merges them.
 */
public final class CatalogueLoader {

  private CatalogueLoader() {}

  /** A catalogue could not be found or read; the message says which and why. */
  public static final class LoadException extends Exception {
    LoadException(String message) {
      super(message);
    }
  }

  /**
   * The merged catalogue of every entry of {@code classPath}. Entries without a catalogue (a
   * library that is not traced) are skipped, but at least one entry must have one.
   */
  public static Catalogue load(String classPath) throws LoadException {
    List<Catalogue> found = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new LoadException(entry + ": no such file or directory");
      }
      String json = read(path);
      if (json != null) {
        try {
          found.add(CatalogueJson.read(json));
        } catch (IllegalArgumentException e) {
          throw new LoadException(entry + ": " + e.getMessage());
        }
      }
    }
    if (found.isEmpty()) {
      throw new LoadException(classPath + ": no span catalogue (" + Catalogue.JSON_FILE
          + ") found; was it built with the traced processor?");
    }
    return Catalogue.merge(found);
  }

  /** The text of the catalogue at {@code path}, or null if it has none. */
  private static String read(Path path) throws LoadException {
    try {
      if (Files.isDirectory(path)) {
        Path json = path.resolve(Catalogue.JSON_FILE);
        return Files.isRegularFile(json) ? Files.readString(json, StandardCharsets.UTF_8) : null;
      }
      if (path.getFileName().toString().endsWith(".json")) {
        return Files.readString(path, StandardCharsets.UTF_8);
      }
      try (ZipFile zip = new ZipFile(path.toFile())) {
        ZipEntry entry = zip.getEntry(Catalogue.JSON_FILE);
        if (entry == null) {
          return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    } catch (IOException e) {
      throw new LoadException(path + ": cannot read it (" + e.getMessage() + ")");
    }
  }
}
