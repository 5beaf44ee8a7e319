package shop;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** A traced call while the application starts: its span is exported like any other. */
@Component
public class WarmUp implements ApplicationRunner {

  private final Catalog catalog;

  public WarmUp(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public void run(ApplicationArguments args) {
    catalog.unitPriceCents("warm-up");
  }
}
