// Name checks: name_variant (one name spelled two ways, or not as the house
// list spells it) and first_reference (surname-only first mention, full name
// introduced a second time, a bare surname two people share).
#include <algorithm>
#include <bitset>
#include <climits>
#include <functional>
#include <map>
#include <numeric>
#include <set>
#include <string_view>
#include <unordered_set>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include "checks/context.h"
#include "common/embedded_data.h"

namespace factlens {
namespace checks_internal {

// Token text is compared with literals as string views: the length check comes
// first, where comparing a std::u16string with a char16_t* measures the
// literal (char_traits<char16_t>::length is a loop) on every call.
using std::string_view_literals::operator""sv;

namespace {

// The mention's surface form without a trailing possessive, as a view of the
// paragraph's text.
std::u16string_view SurfaceView(const Context& ctx, const Span& s) {
  std::u16string_view t = ctx.TextView(s);
  while (!t.empty() && u_isUWhiteSpace(t.back())) t.remove_suffix(1);
  if (t.size() > 2 && (t.back() == 's' || t.back() == 'S') &&
      (t[t.size() - 2] == u'’' || t[t.size() - 2] == '\''))
    t.remove_suffix(2);
  else if (!t.empty() && (t.back() == u'’' || t.back() == '\''))
    t.remove_suffix(1);
  return t;
}

std::u16string Surface(const Context& ctx, const Span& s) {
  return std::u16string(SurfaceView(ctx, s));
}

// The words of `s` (separated by spaces and no-break spaces) into *out,
// reusing its storage: called in a loop, it allocates only for longer lists.
void SplitWordsInto(std::u16string_view s, std::vector<std::u16string>* out) {
  auto separator = [](char16_t c) { return c == ' ' || c == 0xA0; };
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    if (separator(s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !separator(s[j])) ++j;
    if (n == out->size()) out->emplace_back();
    (*out)[n++].assign(s.substr(i, j - i));
    i = j;
  }
  out->resize(n);
}

std::vector<std::u16string> SplitWords(const std::u16string& s) {
  std::vector<std::u16string> out;
  SplitWordsInto(s, &out);
  return out;
}

// The text in a Unicode normal form, composed (NFC) or decomposed (NFD); the
// text itself when it is ASCII, already in that form, or ICU fails.
std::u16string Normalized(const std::u16string& text, bool decomposed) {
  if (IsAscii(text)) return text;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* form = decomposed ? icu::Normalizer2::getNFDInstance(status)
                                            : icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return text;
  const icu::UnicodeString u(false, text.data(), static_cast<int32_t>(text.size()));  // aliased
  if (form->isNormalized(u, status) || U_FAILURE(status)) return text;
  status = U_ZERO_ERROR;
  const icu::UnicodeString out = form->normalize(u, status);
  if (U_FAILURE(status)) return text;
  return std::u16string(out.getBuffer(), out.getBuffer() + out.length());
}

// The text in Unicode's composed form (NFC): "ñ" typed as one character and
// as "n" + U+0303 look the same and are one spelling.
std::u16string Composed(const std::u16string& text) { return Normalized(text, false); }

// Capitals only: a heading set in capitals, where accents are often dropped.
bool AllCapitals(std::u16string_view text) {
  for (char16_t c : text)
    if (u_islower(c)) return false;
  return true;
}

// The text without its accents ("Gújjolaay" -> "Gujjolaay"): decomposed (NFD),
// then the non-spacing marks removed.
std::u16string Unaccented(const std::u16string& text) {
  std::u16string out;
  for (char16_t c : Normalized(text, true))
    if (u_charType(c) != U_NON_SPACING_MARK) out.push_back(c);
  return out;
}

// Different spelling, not just different case (all-caps headlines and
// sentence-initial capitals are not variants).
// A no-break space is a space to a reader.
// So is a straight apostrophe beside a curly one ("O'Neill" / "O’Neill").
// A name set in capitals ("GÚJJOLAAY" or "GUJJOLAAY") is compared without
// accents: a heading in capitals that drops them spells the name no differently.
bool SpelledDifferently(const std::u16string& a_text, const std::u16string& b_text) {
  const bool caps = AllCapitals(a_text) || AllCapitals(b_text);
  const std::u16string a = caps ? Unaccented(a_text) : Composed(a_text);
  const std::u16string b = caps ? Unaccented(b_text) : Composed(b_text);
  if (a.size() != b.size()) return Lower(a) != Lower(b);
  std::u16string x = a, y = b;
  auto plain = [](char16_t c) -> char16_t {
    if (c == 0xA0) return ' ';
    return c == u'’' || c == u'‘' ? '\'' : c;
  };
  for (char16_t& c : x) c = plain(c);
  for (char16_t& c : y) c = plain(c);
  return Lower(x) != Lower(y);
}

// A word with a verb contracted onto it ("I’ve", "we’ll", "don’t"): no name
// has one ("O’Neill" has no such ending).
bool Contraction(const std::u16string& w) {
  static const std::u16string kEnds[] = {u"ve", u"ll", u"re", u"m", u"d", u"t"};
  for (const char16_t mark : {u'’', u'\''}) {
    const size_t at = w.rfind(mark);
    if (at == std::u16string::npos || at == 0) continue;
    const std::u16string end = Lower(w.substr(at + 1));
    for (const auto& e : kEnds)
      if (end == e && (e != u"t" || w[at - 1] == 'n' || w[at - 1] == 'N')) return true;
  }
  return false;
}

// A "full name" with a word no person's name has ("Denver Friday",
// "Democrat Laura Penhallow"): an entity-stage slip, not a person.
// So is a lower-case word other than a particle ("Paris terror").
bool NotAPersonName(const std::vector<std::u16string>& words) {
  static const WordSet kWords = EmbeddedWordSet("checks/not_person_words.txt");
  static const std::unordered_set<std::u16string> kParticles = {
      u"de", u"da", u"del", u"della", u"der", u"den", u"van", u"von", u"bin", u"ibn", u"al",
      u"el", u"la", u"le", u"di", u"du", u"dos", u"das", u"ter", u"ten", u"y", u"e", u"zu"};
  for (const auto& w : words) {
    if (kWords.count(w)) return true;
    if (!w.empty() && u_islower(w[0]) && !kParticles.count(w)) return true;
    if (Contraction(w)) return true;  // "Tom Reddle I’ve"
  }
  return false;
}

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

bool LatinOnly(std::u16string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    UChar32 c = s[i];
    if (U16_IS_LEAD(s[i]) && i + 1 < s.size()) c = U16_GET_SUPPLEMENTARY(s[i], s[i + 1]);
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && sc != USCRIPT_LATIN && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED)
      return false;
  }
  return true;
}

// How many words SplitWords(s) would give, without building them (counting
// stops at `enough`).
int WordCount(std::u16string_view s, int enough) {
  int words = 0;
  bool in_word = false;
  for (char16_t c : s) {
    const bool sep = c == ' ' || c == 0xA0;
    if (!sep && !in_word && ++words == enough) return words;
    in_word = !sep;
  }
  return words;
}

bool TwoWordsOrMore(std::u16string_view s) { return WordCount(s, 2) == 2; }

bool NameLike(const std::u16string& s) {
  if (TwoWordsOrMore(s)) return true;
  for (char16_t c : s)
    if (c == '-' || c == u'‐' || c == '\'' || c == u'’' || c >= 0x80) return true;
  return false;
}

// The keys of the names to look for: house names and the multi-word (or
// hyphenated, accented) names the entity stage found; keys under 4 letters
// are too short to compare.
std::set<std::string> NameKeys(const Context& ctx, NameIndex* index) {
  const auto& house = ctx.options.house_names;
  std::set<std::string> keys;
  for (size_t i = 0; i < house.size(); ++i) {
    std::string k = NameKey(house[i]);
    if (k.size() < 4) continue;
    keys.insert(k);
    index->house_of_key.emplace(k, static_cast<int>(i));
  }
  auto add_doc_name = [&](const std::u16string& name) {
    if (!NameLike(name)) return;
    std::string k = NameKey(name);
    if (k.size() >= 4) keys.insert(k);
  };
  for (const Entity& e : ctx.report->entity_list) {
    if (e.type == EntityType::kMisc) continue;
    add_doc_name(e.canonical);
    for (const auto& v : e.variants) add_doc_name(v);
    for (const auto& v : e.spelling_variants) add_doc_name(v);
  }
  // Mentions of every type, groups of people too ("Cuban-Americans" / "Cuban Americans"):
  // NameLike keeps only names of two words or more, hyphenated or accented.
  for (const EntityMention& m : ctx.report->entities) add_doc_name(Surface(ctx, m.span));
  return keys;
}

// FNV-1a over the bytes of `s`, continued from `h`: the hash of a key grows
// with it, a token's key at a time, as a scan extends a match.
uint64_t KeyHash(std::string_view s, uint64_t h = 14695981039346656037ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The keys in the forms a scan needs: whether a string begins some key, or is
// one, is a binary search for its hash among integers (the index is built for
// every document: a short one has a few dozen keys, a long one thousands; a
// sorted list of integers is cheap to build for the first and to search for
// the second, where comparing strings was not). A hash that matches by chance
// only lets a scan go on: what is recorded is a key found in `sorted`.
struct KeySet {
  explicit KeySet(const std::set<std::string>& keys) : sorted(keys.begin(), keys.end()) {
    for (const auto& k : keys) {
      max_len = std::max(max_len, k.size());
      const unsigned char c = static_cast<unsigned char>(k[0]);
      if (c < 128) initial[c] = true;
      const unsigned char c2 = k.size() > 1 ? static_cast<unsigned char>(k[1]) : 0;
      if (c < 128 && c2 < 128) initial2.set(c * 128 + c2);
      uint64_t h = KeyHash({});
      for (size_t n = 0; n < k.size(); ++n)
        prefixes.push_back(h = KeyHash(std::string_view(k).substr(n, 1), h));
      whole.push_back(h);
    }
    std::sort(prefixes.begin(), prefixes.end());
    std::sort(whole.begin(), whole.end());
  }
  // `h` is KeyHash(key).
  bool Has(const std::string& key, uint64_t h) const {
    return std::binary_search(whole.begin(), whole.end(), h) &&
           std::binary_search(sorted.begin(), sorted.end(), key);
  }
  // Whether some key may begin with the string hashed to `h` (a scan stops as
  // soon as none does).
  bool Begins(uint64_t h) const { return std::binary_search(prefixes.begin(), prefixes.end(), h); }
  std::vector<std::string> sorted;
  std::vector<uint64_t> prefixes;  // KeyHash of every prefix of every key, sorted
  std::vector<uint64_t> whole;     // KeyHash of every key, sorted
  size_t max_len = 0;
  // The ASCII letters keys begin with. An all-ASCII word's key is the word
  // lower-cased, so a word whose first letter begins no key starts no match
  // (its scan would stop at once), and its key need not be computed.
  bool initial[128] = {};
  // The same for the first two letters of a word of two letters or more
  // ("the" starts no key where "trump" is one: its key is not computed).
  std::bitset<128 * 128> initial2;
};

// The tokens of one paragraph with their NameKeys, computed when first needed.
class KeyedTokens {
 public:
  KeyedTokens(const std::vector<Tok>& tokens, const std::u16string& paragraph)
      : ts(tokens), text(paragraph), key_(tokens.size()), known_(tokens.size(), 0) {}
  const std::string& Key(size_t j) {
    if (!known_[j]) {
      known_[j] = 1;
      key_[j] = NameKey(std::u16string_view(text).substr(ts[j].begin, ts[j].end - ts[j].begin));
    }
    return key_[j];
  }
  const std::vector<Tok>& ts;
  const std::u16string& text;

 private:
  std::vector<std::string> key_;
  std::vector<uint8_t> known_;
};

// Whether a match could start at word token i: not the inside of a hyphenated
// word or a word glued to the previous one, and (for ASCII words) a letter
// some key begins with.
bool MatchStart(const KeyedTokens& kt, const KeySet& keys, size_t i) {
  const auto& ts = kt.ts;
  if (ts[i].type != Tok::kWord) return false;
  if (i > 0 && ts[i - 1].end == ts[i].begin) return false;
  bool ascii = true;
  for (int32_t k = ts[i].begin; k < ts[i].end && ascii; ++k) ascii = kt.text[k] < 0x80;
  if (!ascii) return true;
  const std::u16string_view w = ts[i].lower();
  if (w.size() < 2) return keys.initial[w[0]];
  return keys.initial2.test(w[0] * 128 + w[1]);
}

// A match ends at a word end: token j not followed by a hyphen and a letter.
bool WordEnd(const std::vector<Tok>& ts, const std::u16string& text, size_t j) {
  return !(j + 2 < ts.size() && ts[j + 1].type == Tok::kPunct &&
           ts[j + 1].begin == ts[j].end && ts[j + 2].begin == ts[j + 1].end &&
           ts[j + 2].type == Tok::kWord && text[ts[j + 1].begin] != u'’' &&
           text[ts[j + 1].begin] != '\'');
}

// The longest known name starting at token i: its end token (0 if none) and
// key. Words join across hyphens and apostrophes and single spaces.
size_t LongestMatch(KeyedTokens& kt, const KeySet& keys, size_t i, std::string* best_key) {
  const auto& ts = kt.ts;
  std::string key;
  uint64_t hash = KeyHash({});
  size_t best_end = 0;
  for (size_t j = i; j < ts.size(); ++j) {
    if (ts[j].type == Tok::kPunct) {
      char16_t c = kt.text[ts[j].begin];
      if (c != '-' && c != u'‐' && c != '\'' && c != u'’') break;
      if (j + 1 >= ts.size() || ts[j + 1].begin != ts[j].end) break;
      continue;
    }
    if (j > i && ts[j].begin - ts[j - 1].end > 1) break;  // one space at most
    if (j > i && ts[j - 1].type != Tok::kPunct && ts[j].begin == ts[j - 1].end) break;
    key += kt.Key(j);
    hash = KeyHash(kt.Key(j), hash);
    if (key.size() > keys.max_len || !keys.Begins(hash)) break;
    if (WordEnd(ts, kt.text, j) && keys.Has(key, hash)) {
      best_end = j + 1;
      *best_key = key;
    }
  }
  return best_end;
}

// Shorter names ending where the match [i, end) ends ("Al-Assad" in "Bashar
// Al-Assad") are recorded too, so that "al Assad" elsewhere is compared.
void IndexSuffixes(KeyedTokens& kt, const KeySet& keys, int32_t p, size_t i, size_t end,
                   NameIndex* index) {
  const auto& ts = kt.ts;
  for (size_t k = i + 1; k + 1 < end; ++k) {
    if (ts[k].type != Tok::kWord || ts[k - 1].end == ts[k].begin) continue;
    std::string sub;
    for (size_t j = k; j < end; ++j)
      if (ts[j].type != Tok::kPunct) sub += kt.Key(j);
    if (keys.Has(sub, KeyHash(sub)))
      index->by_key[sub].push_back(Span{p, ts[k].begin, ts[end - 1].end});
  }
}

void IndexParagraph(const Context& ctx, const KeySet& keys, int32_t p, NameIndex* index) {
  KeyedTokens kt(ctx.toks[p], ctx.doc.paragraphs[p].text);
  const auto& ts = kt.ts;
  for (size_t i = 0; i < ts.size(); ++i) {
    if (!MatchStart(kt, keys, i)) continue;
    std::string best_key;
    const size_t best_end = LongestMatch(kt, keys, i, &best_key);
    if (best_end == 0) continue;
    index->by_key[best_key].push_back(Span{p, ts[i].begin, ts[best_end - 1].end});
    IndexSuffixes(kt, keys, p, i, best_end, index);
    i = best_end - 1;
  }
}

// Every place in the text whose letters spell a known name: house names and
// the multi-word (or hyphenated, accented) names the entity stage found.
// Keyed by NameKey; the longest match wins and matches do not overlap. Works
// on the text, so a name the recogniser split or missed is still seen.
NameIndex IndexNames(const Context& ctx) {
  NameIndex index;
  const std::set<std::string> keys = NameKeys(ctx, &index);
  if (keys.empty()) return index;
  const KeySet key_set(keys);
  for (size_t p = 0; p < ctx.doc.paragraphs.size(); ++p)
    IndexParagraph(ctx, key_set, static_cast<int32_t>(p), &index);
  return index;
}

// The index of known names, built when first asked.
const NameIndex& Names(Context& ctx) {
  if (!ctx.names) ctx.names = IndexNames(ctx);
  return *ctx.names;
}

// The index's names grouped by spelling: keys that the entity stage says are
// one name spelled differently ("Zelensky" / "Zelenskyy") are grouped too.
// Each group's spans, and its house name (index into house names) if any.
struct NameGroups {
  std::map<std::string, std::vector<Span>> spans;  // by root key
  std::map<std::string, int> house_of_root;
};

NameGroups GroupNames(const Context& ctx, const NameIndex& index) {
  std::map<std::string, std::string> parent;
  std::function<std::string(const std::string&)> find = [&](const std::string& k) -> std::string {
    auto it = parent.find(k);
    if (it == parent.end() || it->second == k) return k;
    return it->second = find(it->second);
  };
  for (const Entity& e : ctx.report->entity_list) {
    if (e.spelling_variants.empty() || e.type == EntityType::kMisc) continue;
    std::string root = find(NameKey(e.canonical));
    for (const auto& v : e.spelling_variants) {
      std::string k = find(NameKey(v));
      if (k != root) parent[k] = root;
    }
  }
  NameGroups groups;
  for (const auto& [key, spans] : index.by_key) {
    const std::string root = find(key);
    auto& g = groups.spans[root];
    g.insert(g.end(), spans.begin(), spans.end());
    auto h = index.house_of_key.find(key);
    if (h != index.house_of_key.end()) groups.house_of_root[root] = h->second;
  }
  return groups;
}

// The span follows a language's label inside the brackets around it:
// "(Arabic: … Zahā Ḥadīd;", "(…; Czech: [… ˈdvor̝aːk])". The nearest unclosed
// "(" within 200 characters opens the brackets; the last colon between it and
// the span ends a capitalised word, with no ";" after it.
bool AfterLanguageLabel(const Context& ctx, const Span& s) {
  const std::u16string& text = ctx.doc.paragraphs[s.paragraph].text;
  int depth = 0, open = -1;
  for (int32_t i = s.begin - 1; i >= 0 && i >= s.begin - 200; --i) {
    if (text[i] == ')') ++depth;
    if (text[i] == '(' && depth-- == 0) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  const size_t colon = text.rfind(':', s.begin - 1);
  if (colon == std::u16string::npos || static_cast<int32_t>(colon) <= open + 1) return false;
  if (text.find(';', colon) < static_cast<size_t>(s.begin)) return false;
  size_t w = colon;
  while (w > static_cast<size_t>(open) + 1 && u_isalpha(text[w - 1])) --w;
  return w < colon && u_isupper(text[w]);
}

// Distinct spellings (ignoring case) of a name at `spans`, in order of first
// use. A name given in its own script beside the Latin one ("Ervenik
// (Cyrillic: Ервеник)") or after a language's label ("(Arabic: … Zahā Ḥadīd)",
// "Czech: [ˈdvor̝aːk]": a romanisation, a pronunciation) is deliberate, not a
// variant.
using Forms = std::vector<std::pair<std::u16string, std::vector<Span>>>;

// A spelling in capitals joins the form it matches; it is read after the
// others, so that it cannot join two forms that differ by an accent.
Forms SpellingsOf(const Context& ctx, const std::vector<Span>& spans) {
  Forms forms;
  for (const bool capitals : {false, true}) {
    for (const Span& s : spans) {
      const std::u16string_view v = ctx.TextView(s);
      if (AllCapitals(v) != capitals) continue;
      if (!LatinOnly(v) || AfterLanguageLabel(ctx, s)) continue;
      const std::u16string t(v);
      auto it = std::find_if(forms.begin(), forms.end(),
                             [&](const auto& f) { return !SpelledDifferently(f.first, t); });
      if (it == forms.end())
        forms.push_back({t, {s}});
      else
        it->second.push_back(s);
    }
  }
  return forms;
}

// The spelling most used (the first of equals).
std::u16string MostUsed(const Forms& forms) {
  size_t best = 0;
  for (size_t f = 1; f < forms.size(); ++f)
    if (forms[f].second.size() > forms[best].second.size()) best = f;
  return forms[best].first;
}

// The check for one name: the first span of the preferred spelling and every
// span of the others (at most 20 in all).
Check VariantCheck(const Context& ctx, const Forms& forms, const std::u16string& preferred,
                   bool house) {
  Check c = NewCheck(Kind::kNameVariant);
  std::vector<std::string> others;
  for (const auto& [text, fspans] : forms) {
    if (!SpelledDifferently(text, preferred)) {
      c.spans.push_back(fspans.front());
      continue;
    }
    others.push_back("‘" + Utf8(text) + "’");
    c.spans.insert(c.spans.end(), fspans.begin(), fspans.end());
  }
  std::sort(c.spans.begin(), c.spans.end());
  // An editor needs the places, not hundreds of them: the first of each
  // spelling and up to 20 of the others.
  if (c.spans.size() > 20) c.spans.resize(20);
  const std::string p = Utf8(preferred);
  if (forms.size() < 2) {
    c.message = "The house list spells " + JoinQuoted(others) + " as ‘" + p + "’.";
    return c;
  }
  c.message = "One name, spelled two ways: " + JoinQuoted(others) + " and ‘" + p + "’. " +
              (house ? "The house list spells it ‘" + p + "’."
                     : "Pick one spelling (‘" + p + "’ is the more frequent here).");
  return c;
}

// Reported spans (they never overlap: the index's matches do not).
bool InsideReported(const std::set<Span>& reported, const Span& s) {
  auto it = reported.upper_bound(Span{s.paragraph, s.begin, INT32_MAX});
  if (it == reported.begin()) return false;
  --it;
  return it->paragraph == s.paragraph && it->begin <= s.begin && s.end <= it->end;
}

void NameVariants(Context& ctx, const NameIndex& index) {
  const auto& house = ctx.options.house_names;
  NameGroups groups = GroupNames(ctx, index);
  // Longer names first; a shorter name's spans inside an already reported
  // longer name are not reported again.
  std::vector<std::string> order;
  for (const auto& [root, spans] : groups.spans) order.push_back(root);
  std::stable_sort(order.begin(), order.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::set<Span> reported;
  for (const std::string& root : order) {
    std::vector<Span> spans;
    for (const Span& s : groups.spans[root])
      if (!InsideReported(reported, s)) spans.push_back(s);
    if (spans.empty()) continue;
    std::sort(spans.begin(), spans.end());
    spans.erase(std::unique(spans.begin(), spans.end()), spans.end());
    const Forms forms = SpellingsOf(ctx, spans);
    auto hr = groups.house_of_root.find(root);
    const std::u16string house_name = hr != groups.house_of_root.end() ? house[hr->second] : u"";
    if (forms.empty()) continue;
    if (forms.size() < 2 && (house_name.empty() || !SpelledDifferently(forms[0].first, house_name)))
      continue;
    const std::u16string preferred = house_name.empty() ? MostUsed(forms) : house_name;
    Check c = VariantCheck(ctx, forms, preferred, !house_name.empty());
    for (const auto& f : forms) reported.insert(f.second.begin(), f.second.end());
    ctx.Add(std::move(c));
  }
}

// A one-word mention that really stands alone in the text: not followed by
// another capitalised word ("Lee Jae-myung" split by the recogniser) and not
// part of a hyphenated name.
bool BareInText(const Context& ctx, const Span& s) {
  if (WordCount(SurfaceView(ctx, s), 2) != 1) return false;
  const auto& ts = ctx.toks[s.paragraph];
  int i = ctx.TokAt(s.paragraph, s.end);
  if (i < static_cast<int>(ts.size())) {
    const Tok& n = ts[i];
    if (n.type == Tok::kWord && n.upper_initial && n.begin - s.end <= 1) return false;
    if (n.type == Tok::kPunct && n.begin == s.end && (n.lower() == u"-"sv || n.lower() == u"‐"sv))
      return false;
    if (n.type == Tok::kPunct && n.lower() == u"&"sv) return false;  // "Shaw & Company"
  }
  int b = ctx.TokAt(s.paragraph, s.begin) - 1;
  if (b >= 0 && ts[b].end == s.begin && (ts[b].lower() == u"-"sv || ts[b].lower() == u"‐"sv))
    return false;
  // After an initial: "George H.W. Bush".
  if (b >= 1 && ts[b].lower() == u"."sv && s.begin - ts[b].end <= 1 && ts[b - 1].upper_initial &&
      ts[b - 1].end - ts[b - 1].begin == 1)
    return false;
  return true;
}

bool ByPosition(const EntityMention* a, const EntityMention* b) { return a->span < b->span; }

// The person mentions outside headings, in document order, and by entity.
struct Persons {
  std::vector<const EntityMention*> all;
  std::vector<std::vector<const EntityMention*>> by_entity;
};

Persons CollectPersons(const Context& ctx) {
  const Report& r = *ctx.report;
  const int32_t ne = static_cast<int32_t>(r.entity_list.size());
  Persons persons;
  persons.by_entity.resize(ne);
  for (const EntityMention& m : r.entities) {
    if (m.type != EntityType::kPerson) continue;
    if (ctx.HeadingLike(m.span.paragraph)) continue;
    persons.all.push_back(&m);
    if (m.entity >= 0 && m.entity < ne) persons.by_entity[m.entity].push_back(&m);
  }
  std::sort(persons.all.begin(), persons.all.end(), ByPosition);
  for (auto& ms : persons.by_entity) std::sort(ms.begin(), ms.end(), ByPosition);
  return persons;
}

// Where the full name of `ent` is written (by the text, not only by the
// mentions), outside headings, in document order.
std::vector<Span> FullNameSpans(const Context& ctx, const NameIndex& index, const Entity& ent) {
  std::set<std::string> full_keys = {NameKey(ent.canonical)};
  for (const auto& v : ent.variants)
    if (TwoWordsOrMore(v)) full_keys.insert(NameKey(v));
  for (const auto& v : ent.spelling_variants) full_keys.insert(NameKey(v));
  std::vector<Span> full;
  for (const auto& k : full_keys) {
    auto it = index.by_key.find(k);
    if (it == index.by_key.end()) continue;
    for (const Span& s : it->second)
      if (!ctx.HeadingLike(s.paragraph) && !NotAPersonName(SplitWords(ctx.Text(s))))
        full.push_back(s);
  }
  std::sort(full.begin(), full.end());
  return full;
}

// One person's mentions (two words or more in the canonical name), with the
// spans of the full name.
struct PersonRefs {
  const Entity& ent;
  std::vector<std::u16string> parts;  // words of the canonical name
  const std::vector<const EntityMention*>& mentions;
  std::vector<Span> full;

  // The mention lies inside a written full name (the last one starting at or
  // before it).
  bool IsFull(const Context& ctx, const EntityMention* m) const {
    auto it = std::upper_bound(full.begin(), full.end(),
                               Span{m->span.paragraph, m->span.begin, INT32_MAX});
    if (it == full.begin()) return false;
    const Span& f = *(it - 1);
    return f.paragraph == m->span.paragraph && f.begin <= m->span.begin &&
           m->span.end <= f.end && TwoWordsOrMore(ctx.TextView(f));
  }
  // The mention is the first or last name alone.
  bool IsBare(const Context& ctx, const EntityMention* m) const {
    const std::u16string_view t = SurfaceView(ctx, m->span);
    return BareInText(ctx, m->span) && (t == parts.front() || t == parts.back());
  }
};

// Title + surname is a complete reference ("President Okafor", "Sen. Lamb").
bool Titled(const Context& ctx, const EntityMention* m) {
  static const WordSet kTitles = EmbeddedWordSet("checks/titles.txt");
  if (!m->title.empty()) return true;
  const std::u16string& text = ctx.doc.paragraphs[m->span.paragraph].text;
  int32_t e = m->span.begin;
  while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == 0xA0)) --e;
  int32_t b = e;
  while (b > 0 && !u_isUWhiteSpace(text[b - 1]) && text[b - 1] != 0xA0) --b;
  return e < m->span.begin && kTitles.count(text.substr(b, e - b)) > 0;
}

// A wire story's tagline after its closing rule: "Marsh reported from Fort
// Worth." (reporters go by surname there).
bool WireTagline(const Context& ctx, const Span& s) {
  if (!ctx.EntryStart(s.paragraph)) return false;
  const std::u16string& text = ctx.doc.paragraphs[s.paragraph].text;
  return text.compare(s.end, 14, u" reported from") == 0 ||
         text.compare(s.end, 12, u" contributed") == 0;
}

// "the Lindqvist administration", "the Moreau brothers": the surname names a
// household, a government or an organisation, complete on its own.
bool AfterArticle(const Context& ctx, const Span& s) {
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.begin);
  return i > 0 && ts[i - 1].type == Tok::kWord && ts[i - 1].lower() == u"the"sv;
}

// Right after a capitalised word that does not start its sentence ("Morning
// Joe", a title the lists do not know): part of a longer name.
bool AfterCapitalised(const Context& ctx, const Span& s) {
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.begin);
  if (i == 0 || ts[i - 1].type != Tok::kWord || !ts[i - 1].upper_initial) return false;
  if (s.begin - ts[i - 1].end != 1) return false;
  const int sentence = ctx.SentenceAt(s.paragraph, ts[i - 1].begin);
  if (sentence < 0) return false;
  int first_word = ctx.TokAt(s.paragraph, ctx.sentences[s.paragraph][sentence].begin);
  while (first_word < i - 1 && ts[first_word].type != Tok::kWord) ++first_word;
  return first_word != i - 1;
}

// Inside the title of a work: a word such as "book" then only capitalised
// words (and short function words) up to the name ("her new book, Counting
// Harbours: What ... Showed Me about Okafor, Lamb, and ...").
bool InWorkTitle(const Context& ctx, const Span& s) {
  static const std::unordered_set<std::u16string> kWorks = {
      u"book", u"memoir", u"novel", u"film", u"movie", u"documentary", u"album", u"song",
      u"play", u"titled", u"entitled", u"essay", u"column", u"show"};
  static const std::unordered_set<std::u16string> kMinor = {
      u"a", u"an", u"the", u"and", u"or", u"of", u"in", u"on", u"at", u"to", u"by", u"for",
      u"from", u"with", u"about", u"as", u"s"};
  const auto& ts = ctx.toks[s.paragraph];
  int i = ctx.TokAt(s.paragraph, s.begin) - 1;
  int capitalised = 0;
  for (int words = 0; i >= 0 && words < 20; --i) {
    const Tok& t = ts[i];
    if (t.type != Tok::kWord) continue;
    ++words;
    if (Has(kWorks, t.lower())) return capitalised > 0;
    if (t.upper_initial) ++capitalised;
    else if (!Has(kMinor, t.lower()))
      return false;
  }
  return false;
}

// Inside an excerpt from another outlet, introduced by a short "From
// Bloomberg:" paragraph at most kExcerptParagraphs text paragraphs before:
// the reporter does not edit the excerpt's references.
constexpr int kExcerptParagraphs = 6;

bool InCreditedExcerpt(const Context& ctx, int32_t p) {
  int32_t q = p;
  for (int k = 0; k < kExcerptParagraphs; ++k) {
    q = ctx.PreviousTextParagraph(q);
    if (q < 0) return false;
    const std::u16string& t = ctx.doc.paragraphs[q].text;
    size_t e = t.find_last_not_of(u" \t\u00a0");
    if (t.compare(0, 5, u"From ") == 0 && e != std::u16string::npos && t[e] == ':' && e < 60)
      return true;
  }
  return false;
}

// Surname-only first mention while the full name comes later.
// The word after the span is a noun the name modifies ("a Lindqvist supporter",
// "Ana Moreau pollster": data/checks/surname_modifiers.txt), or the name is
// possessive ("Ana Moreau’s mayoralty").
bool ModifierOrPossessive(const Context& ctx, const Span& s) {
  static const WordSet kNouns = EmbeddedWordSet("checks/surname_modifiers.txt");
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.end);
  if (i >= static_cast<int>(ts.size())) return false;
  if (ts[i].type == Tok::kWord) return ts[i].begin - s.end == 1 && Has(kNouns, ts[i].lower());
  const std::u16string& text = ctx.doc.paragraphs[s.paragraph].text;
  return ts[i].begin == s.end && (text[s.end] == u'’' || text[s.end] == '\'') &&
         i + 1 < static_cast<int>(ts.size()) && ts[i + 1].lower() == u"s";
}

bool Modifier(const Context& ctx, const Span& s) {
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.end);
  return i < static_cast<int>(ts.size()) && ts[i].type == Tok::kWord &&
         ModifierOrPossessive(ctx, s);
}

// After a capitalised word's possessive ("Harbour Radio’s Penhallow"): the
// name of a show or a product, not the person.
bool AfterCapitalisedPossessive(const Context& ctx, const Span& s) {
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.begin);
  if (i < 3 || ts[i - 1].lower() != u"s" || ts[i - 2].type != Tok::kPunct) return false;
  return ts[i - 3].type == Tok::kWord && ts[i - 3].upper_initial;
}

// Not a name a reader follows: one letter ("I"), or a word of
// not_person_words.txt ("Muslims").
bool NoNameWord(const Context& ctx, const Span& s) {
  const std::u16string t = Surface(ctx, s);
  return t.size() < 2 || NotAPersonName({t});
}

// A given name alone before the full name is a nickname explained ("Mr.
// Moreau, known as Luc"), coordinated names ("sisters Ines and Ruth Calder"),
// a brand ("Tom’s shoes") or a name the recogniser split ("Dale “Ace”
// Reddle") far more often than a slip: the first word of a name counts
// only when it is no known given name (ner/first_names.txt; "Lee" of "Lee
// Jae-myung" is a surname) and not after "as" or before "and".
bool GivenNameAlone(const Context& ctx, const PersonRefs& refs, const EntityMention* m) {
  static const std::unordered_set<std::u16string> kGiven = [] {
    std::unordered_set<std::u16string> s;
    for (std::string_view line : EmbeddedLines("ner/first_names.txt"))
      s.insert(Utf16(line.substr(0, line.find('\t'))));
    return s;
  }();
  const std::u16string t = Surface(ctx, m->span);
  if (t == refs.parts.back()) return false;
  if (kGiven.count(t)) return true;
  const auto& ts = ctx.toks[m->span.paragraph];
  const int i = ctx.TokAt(m->span.paragraph, m->span.begin);
  const bool after_as = i > 0 && ts[i - 1].lower() == u"as";
  const bool before_and = i + 1 < static_cast<int>(ts.size()) && ts[i + 1].lower() == u"and";
  return after_as || before_and;
}

bool KinNearby(const Context& ctx, const Span& s);

void BareFirstMention(Context& ctx, const PersonRefs& refs) {
  const EntityMention* first = refs.mentions.front();
  if (!refs.IsBare(ctx, first) || refs.full.empty() || !(first->span < refs.full.front())) return;
  if (GivenNameAlone(ctx, refs, first) || NoNameWord(ctx, first->span) ||
      KinNearby(ctx, first->span) ||
      Modifier(ctx, first->span) || AfterCapitalisedPossessive(ctx, first->span))
    return;
  if (Titled(ctx, first) || ctx.InsideQuotation(first->span) || ctx.InsideEmbed(first->span) ||
      ctx.Transcript(first->span.paragraph) ||
      ctx.CaptionLike(first->span.paragraph) || WireTagline(ctx, first->span) ||
      InWorkTitle(ctx, first->span) || InCreditedExcerpt(ctx, first->span.paragraph) ||
      AfterArticle(ctx, first->span) || AfterCapitalised(ctx, first->span))
    return;
  Check c = NewCheck(Kind::kFirstReference);
  c.message = "First reference to ‘" + Utf8(Surface(ctx, first->span)) +
              "’ uses one name alone; the full name ‘" + Utf8(ctx.Text(refs.full.front())) +
              "’ comes later. Give the full name at first reference.";
  c.spans = {first->span, refs.full.front()};
  ctx.Add(std::move(c));
}

// A full name that comes with a title or an apposition ("Lee Jae-myung, the
// president").
bool Introduced(const Context& ctx, const EntityMention* m) {
  const std::u16string& text = ctx.doc.paragraphs[m->span.paragraph].text;
  std::u16string after = text.substr(m->span.end, 12);
  bool apposition = after.rfind(u", a ", 0) == 0 || after.rfind(u", an ", 0) == 0 ||
                    after.rfind(u", the ", 0) == 0 || after.rfind(u", who is", 0) == 0;
  return !m->title.empty() || apposition;
}

// "classic Ines Berg, a builder of coalitions": the name stands for a manner
// (data/checks/manner_words.txt), so the apposition describes, it does not
// introduce.
bool AfterMannerWord(const Context& ctx, const Span& s) {
  static const WordSet kMannerWords = EmbeddedWordSet("checks/manner_words.txt");
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.begin);
  return i > 0 && ts[i - 1].type == Tok::kWord &&
         kMannerWords.count(std::u16string(ts[i - 1].lower()));
}

// Re-introduction: a full name with a title or apposition after the full name
// was given and the surname alone has been used since.
// A reminder far from the last full name (a long story) and a new entry of a
// live blog re-introduce people on purpose.
constexpr int32_t kReminderParagraphs = 8;

void Reintroduction(Context& ctx, const PersonRefs& refs, const std::vector<int32_t>& entry_of) {
  bool full_seen = false, bare_since = false;
  int32_t last_full = -1;
  std::u16string bare_name;
  for (const EntityMention* m : refs.mentions) {
    if (ctx.CaptionLike(m->span.paragraph)) continue;
    bool quoted = ctx.InsideQuotation(m->span);
    const int32_t p = m->span.paragraph;
    if (full_seen && (entry_of[p] != entry_of[last_full] || p - last_full > kReminderParagraphs))
      full_seen = bare_since = false;
    if (refs.IsFull(ctx, m)) {
      last_full = p;
      if (full_seen && bare_since && Introduced(ctx, m) && !quoted &&
          !AfterMannerWord(ctx, m->span)) {
        Check c = NewCheck(Kind::kFirstReference);
        c.message = "‘" + Utf8(refs.ent.canonical) +
                    "’ is introduced again in full after being called ‘" + Utf8(bare_name) +
                    "’: on later references use the surname only.";
        c.spans = {m->span};
        ctx.Add(std::move(c));
        return;
      }
      full_seen = true;
      bare_since = false;
    } else if (refs.IsBare(ctx, m) && full_seen) {
      bare_since = true;
      bare_name = Surface(ctx, m->span);
    }
  }
}

// "chuck" is short for "charles" (analysis/data/checks/nicknames.txt; both
// lower-cased).
bool Nickname(const std::u16string& short_form, const std::u16string& full) {
  static const std::set<std::pair<std::u16string, std::u16string>> kPairs = [] {
    std::set<std::pair<std::u16string, std::u16string>> pairs;
    for (std::string_view line : EmbeddedLines("checks/nicknames.txt")) {
      const size_t space = line.find(' ');
      if (space == std::string_view::npos) continue;
      pairs.emplace(Lower(Utf16(line.substr(0, space))), Lower(Utf16(line.substr(space + 1))));
    }
    return pairs;
  }();
  return kPairs.count({short_form, full}) > 0;
}

// Full names that are one person written two ways ("Ben Stoloff" / "Benjamin
// Stoloff", "Dewa Budjana" / "Dewa Gede Budjana").
bool SamePerson(const std::u16string& a, const std::u16string& b) {
  if (NameKey(a) == NameKey(b)) return true;
  std::vector<std::u16string> wa = SplitWords(a), wb = SplitWords(b);
  static const std::set<std::u16string> kHonorifics = {
      u"Mr", u"Mr.", u"Mrs", u"Mrs.", u"Ms", u"Ms.", u"Dr", u"Dr.", u"Sir", u"Dame", u"Lady",
      u"Lord", u"Madame", u"Monsieur", u"Mademoiselle", u"Herr", u"Frau", u"Señor", u"Señora",
      u"Mister", u"Miss"};
  if (wa.size() > 1 && kHonorifics.count(wa.front())) wa.erase(wa.begin());
  if (wb.size() > 1 && kHonorifics.count(wb.front())) wb.erase(wb.begin());
  for (auto& w : wa) w = Lower(w);  // "Karim al Nouri" / "Al Nouri"
  for (auto& w : wb) w = Lower(w);
  auto subset = [](const std::vector<std::u16string>& x, const std::vector<std::u16string>& y) {
    for (const auto& w : x)
      if (std::find(y.begin(), y.end(), w) == y.end()) return false;
    return true;
  };
  if (subset(wa, wb) || subset(wb, wa)) return true;
  if (wa.back() != wb.back()) return false;
  const std::u16string& fa = wa.front();
  const std::u16string& fb = wb.front();
  return fa.rfind(fb, 0) == 0 || fb.rfind(fa, 0) == 0 || Nickname(fa, fb) || Nickname(fb, fa);
}

// Full names seen so far, by their first and last word: one entry per person,
// with where it was last written in full.
struct SeenName {
  std::u16string name;
  int32_t entity;
  int32_t last_paragraph = -1;
  int32_t last_sentence = -1;
  int32_t last_begin = -1;
  int32_t count = 0;  // times written in full
};
using NamesByWord = std::map<std::u16string, std::vector<SeenName>>;

// Inside a parenthesis of its paragraph ("(... although Ana Moreau won the
// vote ...)"): an aside, not where the reader's attention goes. So is a name
// used as a modifier or a possessive (ModifierOrPossessive).
bool InParentheses(const Context& ctx, const Span& s) {
  const std::u16string& text = ctx.doc.paragraphs[s.paragraph].text;
  const size_t open = text.rfind('(', s.begin);
  if (open == std::u16string::npos) return false;
  const size_t close = text.find(')', open);
  return close == std::u16string::npos || close >= static_cast<size_t>(s.end);
}

void RememberFullName(const Context& ctx, const EntityMention* m, const std::u16string& t,
                      const std::vector<std::u16string>& parts, NamesByWord* by_word) {
  const int32_t p = m->span.paragraph;
  const int32_t sentence = ctx.SentenceAt(p, m->span.begin);
  // "Ana Moreau’s mayoralty", "Ana Moreau pollster": a passing mention.
  const bool aside = InParentheses(ctx, m->span) || ModifierOrPossessive(ctx, m->span);
  for (const std::u16string* w : {&parts.front(), &parts.back()}) {
    auto& list = (*by_word)[*w];
    SeenName* known = nullptr;
    for (SeenName& sn : list)
      if ((m->entity >= 0 && m->entity == sn.entity) || SamePerson(sn.name, t)) known = &sn;
    if (!known && list.size() < 16) known = &list.emplace_back(SeenName{t, m->entity});
    if (known) {
      ++known->count;
      if (aside) continue;  // counted, but not where the reader last saw it
      known->last_paragraph = p;
      known->last_sentence = sentence;
      known->last_begin = m->span.begin;
    }
    if (parts.front() == parts.back()) break;
  }
}

// A family word next to the surname relates the namesakes for the reader
// ("Moreau and husband Luc", "Nouri’s father"): three words either side.
bool KinNearby(const Context& ctx, const Span& s) {
  static const std::unordered_set<std::u16string> kKin = {
      u"husband", u"wife", u"son", u"daughter", u"brother", u"sister", u"father", u"mother",
      u"parents", u"family", u"widow", u"widower", u"spouse", u"uncle", u"aunt", u"nephew",
      u"niece", u"cousin", u"grandson", u"granddaughter", u"grandfather", u"grandmother",
      u"brothers", u"sisters", u"dynasty", u"clan", u"families"};
  const auto& ts = ctx.toks[s.paragraph];
  const int i = ctx.TokAt(s.paragraph, s.begin);
  int words = 0;
  for (int k = i - 1; k >= 0 && words < 3; --k)
    if (ts[k].type == Tok::kWord && ++words && Has(kKin, ts[k].lower())) return true;
  words = 0;
  for (int k = i + 1; k < static_cast<int>(ts.size()) && words < 3; ++k)
    if (ts[k].type == Tok::kWord && ++words && Has(kKin, ts[k].lower())) return true;
  return false;
}

// The namesake a bare surname is most likely read as by default: the one with
// the most mentions in the draft.
// How often the draft names this person: written in full anywhere in the
// draft (`totals`, the whole draft's full names for the surname), or the
// mentions the entity stage gave the person, whichever is more.
size_t MentionCount(const SeenName& sn, const Persons& persons,
                    const std::vector<SeenName>& totals) {
  size_t n = 1;
  if (sn.entity >= 0 && sn.entity < static_cast<int32_t>(persons.by_entity.size()))
    n = std::max(n, persons.by_entity[sn.entity].size());
  for (const SeenName& t : totals)
    if ((sn.entity >= 0 && sn.entity == t.entity) || SamePerson(sn.name, t.name))
      n = std::max(n, static_cast<size_t>(t.count));
  return n;
}

// How many times more mentions make one namesake the draft's subject.
constexpr size_t kDominance = 3;

const SeenName* MainBearer(const std::vector<SeenName>& names, const Persons& persons,
                           const std::vector<SeenName>& totals) {
  const SeenName* best = nullptr;
  size_t best_count = 0;
  for (const SeenName& sn : names) {
    const size_t n = MentionCount(sn, persons, totals);
    if (!best || n > best_count) best = &sn, best_count = n;
  }
  return best;
}

// The bare surname at m is a reader's trap: the namesake written in full just
// before (an earlier sentence of the paragraph, or the paragraph before) is
// not the one the draft is mostly about, or both were named in that sentence,
// so the reader cannot tell which of the two is meant. Abstains when the full
// name is in the same sentence ("Luc Moreau tells Moreau supporters"), not
// near, or the only namesake near (a second one must be written in full just
// before too).
const SeenName* NamesakeJustNamed(const Context& ctx, const EntityMention* m,
                                  const std::vector<SeenName>& names, const Persons& persons,
                                  const std::vector<SeenName>& totals,
                                  const std::vector<std::u16string>& headline_names) {
  const SeenName* last = nullptr;
  for (const SeenName& sn : names)
    if (!last || std::make_pair(sn.last_paragraph, sn.last_begin) >
                     std::make_pair(last->last_paragraph, last->last_begin))
      last = &sn;
  const int32_t p = m->span.paragraph;
  const int32_t sentence = ctx.SentenceAt(p, m->span.begin);
  const int32_t prev = ctx.PreviousTextParagraph(p);
  auto near = [&](const SeenName& sn) {
    if (sn.last_paragraph < 0) return false;
    return sn.last_paragraph == p ? sn.last_sentence < sentence : sn.last_paragraph == prev;
  };
  if (!near(*last)) return nullptr;
  // Evidence that the reader has two people in mind: a second namesake
  // written in full just before as well ("Tom Garside said ... Nina Garside
  // shook her head. ... Garside emerged"). One full name alone just before
  // is the one meant, or the story settles it.
  int near_names = 0;
  for (const SeenName& sn : names) near_names += near(sn);
  if (near_names < 2) return nullptr;
  // A headline that names one of them in full says whom the story is about.
  for (const SeenName& sn : names)
    for (const std::u16string& h : headline_names)
      if (SamePerson(sn.name, h)) return nullptr;
  // Both named in that one sentence ("Anna Berg met Tom Berg."): either.
  int in_that_sentence = 0;
  for (const SeenName& sn : names)
    in_that_sentence += sn.last_paragraph == last->last_paragraph &&
                        sn.last_sentence == last->last_sentence;
  if (in_that_sentence >= 2) return last;
  const SeenName* main = MainBearer(names, persons, totals);
  // A draft mostly about one of them: the other, named in passing, does not
  // make the reader doubt ("Moreau" in an Ana Moreau story after a
  // mention of Luc Moreau).
  if (last == main || MentionCount(*main, persons, totals) >=
                          kDominance * MentionCount(*last, persons, totals))
    return nullptr;
  return last;
}

// A bare surname that two people of the draft share, where the context does
// not settle which one is meant. Full names that are one person written two
// ways count once; an entity-stage slip ("Denver Friday") is no person.
void SharedSurnames(Context& ctx, const Persons& persons) {
  std::map<std::u16string, std::vector<Span>> ambiguous;
  std::map<std::u16string, std::vector<std::u16string>> candidates_of;
  NamesByWord by_word, totals;
  std::vector<std::u16string> headline_names;  // full names in headings
  for (const EntityMention& m : ctx.report->entities) {
    if (m.type != EntityType::kPerson || !ctx.HeadingLike(m.span.paragraph)) continue;
    std::u16string t = Surface(ctx, m.span);
    if (TwoWordsOrMore(t) && headline_names.size() < 16) headline_names.push_back(std::move(t));
  }
  std::u16string t;                  // scratch, reused
  std::vector<std::u16string> parts;  // scratch, reused
  for (const EntityMention* m : persons.all) {  // the whole draft's full names, counted
    t.assign(SurfaceView(ctx, m->span));
    SplitWordsInto(t, &parts);
    if (parts.size() >= 2 && !NotAPersonName(parts)) RememberFullName(ctx, m, t, parts, &totals);
  }
  for (const EntityMention* m : persons.all) {
    t.assign(SurfaceView(ctx, m->span));
    SplitWordsInto(t, &parts);
    if (parts.size() >= 2) {
      if (!NotAPersonName(parts)) RememberFullName(ctx, m, t, parts, &by_word);
      continue;
    }
    if (parts.size() != 1 || !BareInText(ctx, m->span)) continue;
    auto it = by_word.find(t);
    if (it == by_word.end() || it->second.size() < 2) continue;
    if (Titled(ctx, m) || ctx.InsideQuotation(m->span) || ctx.InsideEmbed(m->span) ||
        ctx.Transcript(m->span.paragraph) || AfterArticle(ctx, m->span) ||
        KinNearby(ctx, m->span) || Modifier(ctx, m->span) ||
        AfterCapitalisedPossessive(ctx, m->span))
      continue;
    if (!NamesakeJustNamed(ctx, m, it->second, persons, totals[t], headline_names)) continue;
    ambiguous[t].push_back(m->span);
    auto& list = candidates_of[t];
    for (const SeenName& sn : it->second)
      if (std::find(list.begin(), list.end(), sn.name) == list.end()) list.push_back(sn.name);
  }
  for (auto& [surname, spans] : ambiguous) {
    std::vector<std::string> names;
    for (const auto& n : candidates_of[surname]) names.push_back(Utf8(n));
    Check c = NewCheck(Kind::kFirstReference);
    c.message = "‘" + Utf8(surname) + "’ alone could be more than one person (" +
                JoinQuoted(names) + "): use the full name or a title.";
    if (spans.size() > 5) spans.resize(5);
    c.spans = spans;
    ctx.Add(std::move(c));
  }
}

// Re-introductions always; surname-first and shared surnames only when the
// house style asks for them (HouseStyle::first_reference_all).
void FirstReferences(Context& ctx, const NameIndex& index) {
  const Report& r = *ctx.report;
  const bool all = ctx.options.style.first_reference_all;
  const Persons persons = CollectPersons(ctx);
  // The live-blog entry of each paragraph (0 outside live blogs).
  std::vector<int32_t> entry_of(ctx.doc.paragraphs.size(), 0);
  for (size_t p = 0, entry = 0; p < entry_of.size(); ++p) {
    if (!ctx.doc.paragraphs[p].text.empty() && ctx.EntryStart(static_cast<int32_t>(p))) ++entry;
    entry_of[p] = static_cast<int32_t>(entry);
  }
  for (size_t e = 0; e < r.entity_list.size(); ++e) {
    const Entity& ent = r.entity_list[e];
    if (ent.type != EntityType::kPerson || ent.ambiguous) continue;
    std::vector<std::u16string> parts = SplitWords(ent.canonical);
    if (parts.size() < 2 || persons.by_entity[e].empty() || NotAPersonName(parts)) continue;
    const PersonRefs refs{ent, std::move(parts), persons.by_entity[e],
                          FullNameSpans(ctx, index, ent)};
    if (all) BareFirstMention(ctx, refs);
    Reintroduction(ctx, refs, entry_of);
  }
  if (all) SharedSurnames(ctx, persons);
}

// One letter added or dropped, or two neighbours swapped: "penhalow" /
// "penhallow". Not a changed letter ("France" / "Franco": two words).
// Typing slips come after the first letters: the first kSamePrefix letters
// must agree ("Ines" / "Ives" are two people).
constexpr size_t kSamePrefix = 3;

bool OneEditApart(const std::string& a, const std::string& b) {
  if (a == b) return false;
  const size_t la = a.size(), lb = b.size();
  if (la > lb + 1 || lb > la + 1) return false;
  size_t i = 0;
  while (i < la && i < lb && a[i] == b[i]) ++i;
  if (i < kSamePrefix) return false;
  if (la == lb)  // two neighbours swapped; a changed letter is too often another word
    return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.compare(i + 2, std::string::npos, b, i + 2, std::string::npos) == 0;
  const std::string& longer = la > lb ? a : b;
  const std::string& shorter = la > lb ? b : a;
  return longer.compare(i + 1, std::string::npos, shorter, i, std::string::npos) == 0;
}

// A surname misspelt beside the right spelling ("Penhalow" in a story with
// "Ruth Penhallow" written twice): the right one is the last word of a full
// person name written at least kSurnameUses times; the other is one edit away,
// at least kMinMisspeltLetters long, used at most twice and never in a full
// name of its own (then it may be another person: "Johnston" / "Johnson").
constexpr int kSurnameUses = 2;
constexpr size_t kMinMisspeltLetters = 6;

void MisspeltSurnames(Context& ctx) {
  const Report& r = *ctx.report;
  std::map<std::string, std::pair<int, std::u16string>> surnames;  // key -> uses, spelling
  std::map<std::string, std::vector<Span>> bare;                    // key -> bare mentions
  std::set<std::string> in_full;  // keys of words inside full names
  std::map<std::string, int> bare_person_uses;
  std::vector<std::u16string> words;  // scratch, reused
  for (const EntityMention& m : r.entities) {
    if (ctx.HeadingLike(m.span.paragraph)) continue;
    SplitWordsInto(SurfaceView(ctx, m.span), &words);
    if (words.empty() || NotAPersonName(words)) continue;
    const bool person = m.type == EntityType::kPerson;
    if (words.size() >= 2) {
      for (const auto& w : words) in_full.insert(NameKey(w));
      if (!person) continue;
      auto& entry = surnames[NameKey(words.back())];
      ++entry.first;
      entry.second = words.back();
    } else if (BareInText(ctx, m.span)) {
      // Any type: the recogniser may call a misspelt surname a place.
      const std::string key = NameKey(words[0]);
      if (person) ++bare_person_uses[key];
      if (bare.size() < 256 || bare.count(key)) bare[key].push_back(m.span);
    }
  }
  for (auto& [key, use] : surnames) use.first += bare_person_uses[key];
  for (const auto& [key, spans] : bare) {
    if (key.size() < kMinMisspeltLetters || spans.size() > 2 || in_full.count(key) ||
        surnames.count(key))
      continue;
    // "Moreaus", "the Lambs": a plural or a possessive without its apostrophe.
    if (key.back() == 's' && surnames.count(key.substr(0, key.size() - 1))) continue;
    const std::u16string* right = nullptr;
    int candidates = 0;
    for (const auto& [skey, use] : surnames)
      if (use.first >= kSurnameUses && skey[0] == key[0] && OneEditApart(key, skey)) {
        right = &use.second;
        ++candidates;
      }
    if (candidates != 1) continue;
    Check c = NewCheck(Kind::kNameVariant);
    c.spans = spans;
    c.message = "‘" + Utf8(ctx.Text(spans[0])) + "’ looks like a misspelling of ‘" + Utf8(*right) +
                "’, written that way elsewhere in the story.";
    ctx.Add(std::move(c));
  }
}

}  // namespace

void CheckNameVariants(Context& ctx) {
  NameVariants(ctx, Names(ctx));
  MisspeltSurnames(ctx);
}

void CheckFirstReferences(Context& ctx) { FirstReferences(ctx, Names(ctx)); }

}  // namespace checks_internal
}  // namespace factlens
