package dev.traced.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogueJsonTest {

  private static final Catalogue.Span SPAN = new Catalogue.Span(
      "a.B#m(java.lang.String)", "odd \"name\"\\ \u2028 ü", "INTERNAL", "a.B",
      "m(java.lang.String)", "a/B.java", 3, "Line\none.\ttab", "COMPLETION_STAGE", true,
      List.of("a.Gone"),
      List.of(new Catalogue.Attribute("k", "string[]", "return", "return.x", true, "deprecated",
          "Replaced by y.")),
      List.of("z.Z#z()", "a.A#a()", "a.A#a()"));

  @Test
  void writesAndReadsBackEveryField() {
    Catalogue catalogue = new Catalogue(List.of(SPAN));
    String json = CatalogueJson.write(catalogue);
    assertThat(json).contains("\"odd \\\"name\\\"\\\\ \\u2028 ü\"");
    Catalogue read = CatalogueJson.read(json);
    assertThat(read).isEqualTo(catalogue);
    // children are sorted and distinct
    assertThat(read.spans().get(0).children()).containsExactly("a.A#a()", "z.Z#z()");
  }

  @Test
  void ignoresUnknownFieldsAndDefaultsMissingOptionalOnes() {
    Catalogue read = CatalogueJson.read("{\"format\":\"traced-span-catalogue\",\"version\":1,"
        + "\"future\":[1,2.5e3,null,{}],\"spans\":[{\"id\":\"a.B#m()\",\"name\":\"n\","
        + "\"kind\":\"SERVER\",\"class\":\"a.B\",\"method\":\"m()\",\"extra\":true}]}");
    Catalogue.Span span = read.spans().get(0);
    assertThat(span.end()).isEqualTo("RETURN");
    assertThat(span.attributes()).isEmpty();
    assertThat(span.sourceFile()).isEmpty();
  }

  @Test
  void rejectsWhatIsNotACatalogue() {
    assertThatThrownBy(() -> CatalogueJson.read("{\"format\": \"x\", \"version\": 1}"))
        .hasMessageContaining("not a span catalogue");
    assertThatThrownBy(() -> CatalogueJson.read("{\"format\": \"traced-span-catalogue\""))
        .hasMessageContaining("invalid JSON");
    assertThatThrownBy(() -> CatalogueJson.read("[] x")).hasMessageContaining("invalid JSON");
  }
}
