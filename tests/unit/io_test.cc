#include <catch2/catch.hpp>

#include "factlens/io.h"

using factlens::Document;

TEST_CASE("DocumentFromUtf8 splits paragraphs and keeps code-point starts", "[io]") {
  Document doc;
  std::string error;
  REQUIRE(factlens::DocumentFromUtf8("a😀b\r\nsecond\n\nlast", &doc, &error));
  REQUIRE(doc.paragraphs.size() == 4);
  CHECK(doc.paragraphs[0].text == u"a😀b");
  CHECK(doc.paragraphs[1].text == u"second");
  CHECK(doc.paragraphs[2].text.empty());
  CHECK(doc.paragraph_starts == std::vector<int64_t>{0, 5, 12, 13});
  // UTF-16 offset 3 (after the surrogate pair) is code point 2.
  CHECK(factlens::CodePointOffset(doc, 0, 3) == 2);
  CHECK(factlens::CodePointOffset(doc, 1, 2) == 7);
}

TEST_CASE("DocumentFromUtf8 rejects invalid UTF-8 and says where", "[io]") {
  Document doc;
  std::string error;
  CHECK_FALSE(factlens::DocumentFromUtf8("ok\nab\xC3(", &doc, &error));
  CHECK(error.find("byte 5") != std::string::npos);
  CHECK(error.find("line 2") != std::string::npos);
  CHECK_FALSE(factlens::DocumentFromUtf8("\xED\xA0\x80", &doc, &error));  // surrogate
  CHECK_FALSE(factlens::DocumentFromUtf8("\xC0\xAF", &doc, &error));      // overlong
}
